/** Vite's `?url` imports: the MapLibre worker is served as a file of its own. */
declare module "*?url" {
  const url: string;
  export default url;
}
