/** "Wie heeft ons plan bekeken?": the audit view of a plan, rendered on the server from the page's data. */
export { WhoLooked, type WhoLookedProps } from './WhoLooked';
