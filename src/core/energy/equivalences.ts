/**
 * Everyday equivalences computed from physics: seconds = Wh × 3600 / device watts (or a share of a
 * stated battery). Each carries the device assumption and its source, so it is never shown bare.
 */

export interface EquivalenceDevice {
  id: string;
  /** Short label: "LED bulb (10 W)". */
  label: string;
  kind: 'runtime' | 'share';
  /** Power drawn, W (runtime devices). */
  watts?: number;
  /** Energy of one unit, Wh (share devices, e.g. one full phone charge). */
  wh?: number;
  assumption: string;
  source: { title: string; url: string };
}

export const EQUIVALENCE_DEVICES: readonly EquivalenceDevice[] = [
  {
    id: 'phone-charge',
    label: 'smartphone charge',
    kind: 'share',
    wh: 15,
    assumption:
      'A full smartphone charge ≈ 15 Wh (a 4,000 mAh battery at 3.85 V = 15.4 Wh; charger losses of ~10–20% ignored).',
    source: { title: 'Battery University BU-501: basics about discharging (energy = capacity × nominal voltage)', url: 'https://batteryuniversity.com/article/bu-501-basics-about-discharging' },
  },
  {
    id: 'led-bulb',
    label: 'LED bulb (10 W)',
    kind: 'runtime',
    watts: 10,
    assumption: 'A 10 W LED bulb, the usual replacement for a 60 W incandescent bulb.',
    source: { title: 'U.S. Department of Energy, Lighting Choices to Save You Money', url: 'https://www.energy.gov/energysaver/lighting-choices-save-you-money' },
  },
  {
    id: 'laptop',
    label: 'laptop (50 W)',
    kind: 'runtime',
    watts: 50,
    assumption: 'A laptop drawing 50 W while in active use (typical 45–65 W charger, below full load most of the time).',
    source: { title: 'U.S. Department of Energy, Estimating Appliance and Home Electronic Energy Use', url: 'https://www.energy.gov/energysaver/estimating-appliance-and-home-electronic-energy-use' },
  },
  {
    id: 'microwave',
    label: 'microwave oven (1,000 W)',
    kind: 'runtime',
    watts: 1000,
    assumption: 'A 1,000 W microwave oven running at full power.',
    source: { title: 'U.S. Department of Energy, Estimating Appliance and Home Electronic Energy Use', url: 'https://www.energy.gov/energysaver/estimating-appliance-and-home-electronic-energy-use' },
  },
  {
    id: 'google-search-2009',
    label: 'web search (2009 figure)',
    kind: 'share',
    wh: 0.3,
    assumption: 'One Google web search ≈ 0.3 Wh, as Google stated in 2009 (today\'s figure is not published).',
    source: { title: 'Google Official Blog, Powering a Google search (2009)', url: 'https://googleblog.blogspot.com/2009/01/powering-google-search.html' },
  },
];

export interface Equivalence {
  device: EquivalenceDevice;
  /** Seconds of use for runtime devices; units (e.g. 0.02 charges) for share devices. */
  value: number;
  /** "6.0 minutes of a LED bulb (10 W)" / "2.0% of a smartphone charge". */
  text: string;
}

function runtimeText(seconds: number, label: string): string {
  if (seconds < 90) return `${seconds.toPrecision(2)} seconds of a ${label}`;
  if (seconds < 5400) return `${(seconds / 60).toPrecision(2)} minutes of a ${label}`;
  return `${(seconds / 3600).toPrecision(2)} hours of a ${label}`;
}

function shareText(units: number, device: EquivalenceDevice): string {
  if (device.id === 'phone-charge') {
    return units < 1 ? `${(units * 100).toPrecision(2)}% of a ${device.label}` : `${units.toPrecision(2)} ${device.label}s`;
  }
  return `${units.toPrecision(2)} × ${device.label}`;
}

/** The equivalence of an energy (Wh) on one device. */
export function equivalence(wh: number, device: EquivalenceDevice): Equivalence {
  const safeWh = Number.isFinite(wh) && wh > 0 ? wh : 0;
  if (device.kind === 'runtime') {
    const seconds = (safeWh * 3600) / device.watts!;
    return { device, value: seconds, text: runtimeText(seconds, device.label) };
  }
  const units = safeWh / device.wh!;
  return { device, value: units, text: shareText(units, device) };
}

/** Equivalences of an energy on every stated device. */
export function equivalences(wh: number): Equivalence[] {
  return EQUIVALENCE_DEVICES.map((d) => equivalence(wh, d));
}
