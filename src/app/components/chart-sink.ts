import { createContext } from 'react';
import type { ChartOption } from '../../charts';

/** The briefing page listens to the charts it embeds: their title and option, once drawn. */
export type ChartSink = (chart: { id: string; title: string; option: ChartOption }) => void;
export const ChartSinkContext = createContext<ChartSink | null>(null);
