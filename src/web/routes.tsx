import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Redirect, Route, Switch } from "wouter";
import { AdminPage } from "./admin/AdminPage";
import { BorderRoutes } from "./border/BorderRoutes";
import { ChannelRoutes } from "./channel/ChannelRoutes";
import { ActivityPage } from "./commitments/ActivityPage";
import { MeetingsPage } from "./commitments/MeetingsPage";
import { OperationPage } from "./commitments/OperationPage";
import { OperationsPage } from "./commitments/OperationsPage";
import { ProgressReportPage } from "./commitments/ProgressReportPage";
import { StatementPage } from "./commitments/StatementPage";
import { StatementsPage } from "./commitments/StatementsPage";
import { AppLayout } from "./components/AppLayout";
import { NotFoundPage } from "./components/NotFoundPage";
import { ProblemAlert } from "./components/ProblemAlert";
import { CoordinationRoutes } from "./coordination/CoordinationRoutes";
import { FederationPage } from "./federation/FederationPage";
import { LoginPage } from "./session/LoginPage";
import { useMe } from "./session/use-session";

/** Every page of the console behind the login; one page component per route. */
export function AppRoutes() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!me.data) return <LoginPage />;
  return (
    <AppLayout me={me.data}>
      <Switch>
        <Route path="/">
          <Redirect to="/statements" replace />
        </Route>
        <Route path="/statements" component={StatementsPage} />
        <Route path="/statements/:id" component={StatementPage} />
        <Route path="/operations" component={OperationsPage} />
        <Route path="/operations/:id" component={OperationPage} />
        <Route path="/activities/:id" component={ActivityPage} />
        <Route path="/meetings" component={MeetingsPage} />
        <Route path="/reports/progress" component={ProgressReportPage} />
        <Route path="/border/*?" component={BorderRoutes} />
        <Route path="/channel/*?" component={ChannelRoutes} />
        <Route path="/coordination/*?" component={CoordinationRoutes} />
        <Route path="/federation" component={FederationPage} />
        <Route path="/admin">{me.data.role === "admin" ? <AdminPage /> : <NotFoundPage />}</Route>
        <Route component={NotFoundPage} />
      </Switch>
    </AppLayout>
  );
}
