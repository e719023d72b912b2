export { OverzichtBoard } from './OverzichtBoard';
export { filtersFrom, type Filters } from './filters';
export { default as overzichtStyles } from './overzicht.module.css';
