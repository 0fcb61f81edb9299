import { Center, Loader } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Redirect, Route, Switch } from "wouter";
import { NotFoundPage } from "../components/NotFoundPage";
import { CrossingsPage } from "./CrossingsPage";
import { DashboardPage } from "./DashboardPage";
import { ExportsPage } from "./ExportsPage";
import { IncidentPage } from "./IncidentPage";
import { IncidentsPage } from "./IncidentsPage";
import { PresencePage } from "./PresencePage";
import { SectorsPage } from "./SectorsPage";

// MapLibre is a megabyte of script: the map page is its own chunk, loaded when first opened.
const MapPage = lazy(() => import("./MapPage").then((m) => ({ default: m.MapPage })));

/** The border picture's pages (agreement 2), all under /border. */
export function BorderRoutes() {
  const { t } = useTranslation();
  return (
    <Switch>
      <Route path="/border">
        <Redirect to="/border/map" replace />
      </Route>
      <Route path="/border/map">
        <Suspense
          fallback={
            <Center p="xl">
              <Loader aria-label={t("map.loading")} />
            </Center>
          }
        >
          <MapPage />
        </Suspense>
      </Route>
      <Route path="/border/sectors" component={SectorsPage} />
      <Route path="/border/crossings" component={CrossingsPage} />
      <Route path="/border/presence" component={PresencePage} />
      <Route path="/border/incidents" component={IncidentsPage} />
      <Route path="/border/incidents/:id" component={IncidentPage} />
      <Route path="/border/dashboard" component={DashboardPage} />
      <Route path="/border/exports" component={ExportsPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
