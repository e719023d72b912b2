/** The netwerk section's tools (the ecogram and the network list): its body is the public surface. */
export { NetworkBody } from './NetworkBody';
