/** The overgang18 section's tools: its body is the public surface. */
export { Transition18Body } from './Transition18Body';
