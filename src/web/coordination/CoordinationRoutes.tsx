import { Redirect, Route, Switch } from "wouter";
import { NotFoundPage } from "../components/NotFoundPage";
import { AssessmentPage } from "./AssessmentPage";
import { IntelPage } from "./IntelPage";
import { IntelReportPage } from "./IntelReportPage";
import { MeetingPage } from "./MeetingPage";
import { RfiPage } from "./RfiPage";
import { RfisPage } from "./RfisPage";
import { ThreatActorPage } from "./ThreatActorPage";
import { ThreatsPage } from "./ThreatsPage";
import { UnitMeetingsPage } from "./UnitMeetingsPage";
import { UnitPage } from "./UnitPage";
import { UnitsPage } from "./UnitsPage";

/**
 * Regional coordination's pages (agreement 4), all under /coordination. Its meetings are the
 * regional units' (/coordination/meetings), not the ministerial ones at /meetings.
 */
export function CoordinationRoutes() {
  return (
    <Switch>
      <Route path="/coordination">
        <Redirect to="/coordination/meetings" replace />
      </Route>
      <Route path="/coordination/units" component={UnitsPage} />
      <Route path="/coordination/units/:id" component={UnitPage} />
      <Route path="/coordination/meetings" component={UnitMeetingsPage} />
      <Route path="/coordination/meetings/:id" component={MeetingPage} />
      <Route path="/coordination/threats">
        <ThreatsPage tab="groups" />
      </Route>
      <Route path="/coordination/threats/risks">
        <ThreatsPage tab="risks" />
      </Route>
      <Route path="/coordination/threats/assessments">
        <ThreatsPage tab="assessments" />
      </Route>
      <Route path="/coordination/threats/groups/:id" component={ThreatActorPage} />
      <Route path="/coordination/threats/assessments/:id" component={AssessmentPage} />
      <Route path="/coordination/intel" component={IntelPage} />
      <Route path="/coordination/intel/:id" component={IntelReportPage} />
      <Route path="/coordination/rfis" component={RfisPage} />
      <Route path="/coordination/rfis/:id" component={RfiPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
