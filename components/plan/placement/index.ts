export { PlacementFlag } from './PlacementFlag';
