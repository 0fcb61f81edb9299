import { Route, Switch } from "wouter";
import { NotFoundPage } from "../components/NotFoundPage";
import { ChannelPage } from "./ChannelPage";
import { ConversationPage } from "./ConversationPage";
import { SearchPage } from "./SearchPage";

/** The command channel's pages (agreement 3), all under /channel. */
export function ChannelRoutes() {
  return (
    <Switch>
      <Route path="/channel" component={ChannelPage} />
      <Route path="/channel/search" component={SearchPage} />
      <Route path="/channel/:id" component={ConversationPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
