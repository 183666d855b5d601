/**
 * Process diagrams as SVG. text.ts measures and wraps text, core/routing.ts places steps and routes
 * flows around them, shapes.ts and legend.ts draw the pieces, render.ts puts a whole diagram
 * together.
 */
export { contentExtent, diagramSlices, renderDiagram, withoutBodyClip, type Diagram, type DiagramInput, type DiagramOptions } from './render';
export { stepBoxes, type Box, type FlowRoute, type Point, type Routes } from '../routing';
export { STEP_FONT } from './shapes';
export { FONT_FAMILY, textWidth, wrapText } from './text';
