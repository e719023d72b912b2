/** The goals section (doelen): its body for the section registry. */
export { GoalsBody } from './GoalsBody';
