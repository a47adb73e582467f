import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  TimeScale,
  Tooltip,
  type ChartDataset,
} from "chart.js";
import "chartjs-adapter-date-fns";
import { useEffect, useRef } from "react";
import type { Stance } from "../gql/graphql";
import { STANCE_LABEL, dateMillis, whenText, type WhenValue } from "../format";

Chart.register(ScatterController, PointElement, TimeScale, LinearScale, CategoryScale, Legend, Tooltip);

export interface TimelinePoint {
  speaker: string;
  stance: Stance;
  when: WhenValue;
  source: string;
}

const COLOURS: Record<Stance, string> = {
  SUPPORTS: "#1b7f3b",
  REFUTES: "#b3261e",
  UNDECIDED: "#6b6b6b",
};
type Point = { x: number; y: string; label: string };

/**
 * Each assertion at the date it was made, one row per speaker, coloured by stance. A
 * dated assertion is a circle; one whose date is unknown is a triangle at the latest
 * moment it can have been made.
 */
export default function Timeline({ points, label }: { points: TimelinePoint[]; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const speakers = [...new Set(points.map((p) => p.speaker))];
    const [min, max] = range(points);
    const chart = new Chart(canvas.current, {
      type: "scatter",
      data: { datasets: datasets(points) },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { type: "time", min, max, time: { tooltipFormat: "yyyy-MM-dd" }, title: { display: true, text: "when it was said" } },
          y: { type: "category", labels: speakers, offset: true },
        },
        plugins: {
          tooltip: { callbacks: { label: (item) => (item.raw as Point).label } },
        },
      },
    });
    return () => chart.destroy();
  }, [points]);
  const rows = new Set(points.map((p) => p.speaker)).size;
  return (
    <div className="timeline" style={{ height: `${Math.max(160, 70 + rows * 42)}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

const PADDING_MS = 120 * 24 * 3600 * 1000;

/** The dates shown: every point, with some months either side so one point sits inside. */
function range(points: TimelinePoint[]): [number, number] {
  const times = points.map(at);
  return [Math.min(...times) - PADDING_MS, Math.max(...times) + PADDING_MS];
}

function at(p: TimelinePoint): number {
  return dateMillis(p.when.date?.date ?? p.when.notAfter);
}

function datasets(points: TimelinePoint[]): ChartDataset<"scatter", Point[]>[] {
  return (Object.keys(COLOURS) as Stance[])
    .map((stance) => {
      const mine = points.filter((p) => p.stance === stance);
      return {
        label: STANCE_LABEL[stance],
        data: mine.map((p) => ({
          x: at(p),
          y: p.speaker,
          label: `${p.speaker} ${STANCE_LABEL[stance]}: ${whenText(p.when)}, in ${p.source}`,
        })),
        pointStyle: mine.map((p) => (p.when.date ? "circle" : "triangle")),
        backgroundColor: COLOURS[stance],
        borderColor: COLOURS[stance],
        pointRadius: 7,
        pointHoverRadius: 9,
      };
    })
    .filter((set) => set.data.length > 0);
}
