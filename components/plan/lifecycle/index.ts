/** The plan's status, changed by the casusregisseur (shown in the plan header). */
export { StatusControl } from './StatusControl';
