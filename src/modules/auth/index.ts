/** What the auth module offers the rest of the application. */
export { consolePage, currentSession } from './session.ts';
