/** Running a Lotsen: the one-time setup, staff accounts, branches and library settings. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../database/open-database.ts';
import { registerBranchRoutes } from './branch-routes.ts';
import { registerSettingsRoutes } from './settings-routes.ts';
import { registerSetupRoutes } from './setup-routes.ts';
import { registerUserRoutes } from './user-routes.ts';

export function registerAdministrationRoutes(app: FastifyInstance, db: Database): void {
  registerSetupRoutes(app, db);
  registerUserRoutes(app, db);
  registerBranchRoutes(app, db);
  registerSettingsRoutes(app, db);
}
