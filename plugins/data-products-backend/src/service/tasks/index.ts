export { createTasksRouter } from './createTasksRouter';
export type { TasksRouterOptions } from './createTasksRouter';
export {
  createSchedulerEndpointGuard,
  schedulerEndpointGuardServiceRef,
} from './schedulerEndpointGuard';
