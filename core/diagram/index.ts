/**
 * Process diagrams as SVG. text.ts measures and wraps text, routing.ts places steps and routes
 * flows around them, shapes.ts and legend.ts draw the pieces, render.ts puts a whole diagram
 * together.
 */
export { contentExtent, diagramSlices, renderDiagram, type Diagram, type DiagramInput, type DiagramOptions } from './render';
export { routeFlow, stepBoxes, type Box, type Point, type Route } from './routing';
export { STEP_FONT } from './shapes';
export { FONT_FAMILY, textWidth, wrapText } from './text';
