import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import { after, describe, it } from "node:test";
import { createVerifyPool, type VerifyItem } from "./verify-pool";

describe("the signature pool of the background check", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const other = generateKeyPairSync("ed25519");
  const items: VerifyItem[] = Array.from({ length: 50 }, (_, i) => {
    const data = Buffer.from(`{"seq":${i + 1}}`);
    return [data, sign(null, data, privateKey)];
  });
  const pool = createVerifyPool(2);
  after(() => pool.close());

  it("checks a batch across workers and gives each result in its place", async () => {
    const forged = [...items];
    const [d12] = items[12] as VerifyItem;
    const [d40, s40] = items[40] as VerifyItem;
    forged[12] = [d12, sign(null, d12, other.privateKey)]; // another key
    forged[40] = [Buffer.from(`${d40.toString()} `), s40]; // other bytes
    const results = await pool.verify(publicKey, forged, 2);
    assert.equal(results.length, items.length);
    assert.deepEqual(
      results.flatMap((ok, i) => (ok ? [] : [i])),
      [12, 40],
    );
    assert.deepEqual(await pool.verify(publicKey, items, 1), Array(items.length).fill(true));
    assert.deepEqual(await pool.verify(publicKey, [], 2), []);
  });

  it("refuses work once closed", async () => {
    const closed = createVerifyPool(1);
    assert.deepEqual(await closed.verify(publicKey, items.slice(0, 3), 1), [true, true, true]);
    await closed.close();
    await assert.rejects(closed.verify(publicKey, items.slice(0, 3), 1), /closed/);
  });
});
