/**
 * Location-based grid factors: carbon intensity of electricity generation (gCO2e/kWh, lifecycle,
 * Ember & Energy Institute via Our World in Data, year 2023) and off-site water intensity of
 * electricity (L/kWh, World Resources Institute method as tabulated by EcoLogits). Location-based
 * is the GSF SCI rule: market instruments (RECs, PPAs) cannot lower it.
 *
 * Provenance note for maintainers: WORLD, AU, BR, CA, CN, DE, FR, IE, IN and SE were checked
 * against the OWID table / Ember releases while writing this; USA, EU, GB, JP and NL were
 * transcribed from the same 2023 series without an offline copy to re-check. Verify them against
 * the OWID table when updating the year.
 */

export interface GridZone {
  /** Key used in profiles and settings ("USA", "FR", "WORLD", …). */
  zone: string;
  name: string;
  gCO2PerKWh: number;
  /** Litres of water consumed off-site (power generation) per kWh. */
  waterLPerKWh: number;
  /** Set when the water figure is borrowed from another zone. */
  waterNote?: string;
  /** Year of the carbon figure. */
  carbonYear: number;
  /** Where the carbon figure comes from. */
  carbonSource: string;
  /**
   * EcoLogits 0.9.1's figure for the same zone (`electricity_mixes.csv`, kgCO2e/kWh × 1000), for
   * comparison: it uses an older Our World in Data release, so the two differ by up to 1.27× (France).
   */
  ecologitsGCO2PerKWh?: number;
}

export const GRID_CARBON_SOURCE =
  'Our World in Data, "Carbon intensity of electricity generation" (Ember and Energy Institute), https://ourworldindata.org/grapher/carbon-intensity-electricity';
export const GRID_CARBON_YEAR = 2023;
export const GRID_WATER_SOURCE =
  'EcoLogits electricity_mixes.csv (WRI "Guidance for calculating water use embedded in purchased electricity"), https://github.com/genai-impact/ecologits';

const OWID_2023 = { carbonYear: 2023, carbonSource: 'Our World in Data (Ember; Energy Institute), lifecycle gCO2e/kWh' };

const ZONES: GridZone[] = [
  { zone: 'WORLD', name: 'World average', gCO2PerKWh: 481, waterLPerKWh: 3.908, ...OWID_2023, ecologitsGCO2PerKWh: 473.01 },
  { zone: 'USA', name: 'United States', gCO2PerKWh: 369, waterLPerKWh: 3.1321, ...OWID_2023, ecologitsGCO2PerKWh: 383.55 },
  {
    zone: 'EU',
    name: 'European Union (27)',
    gCO2PerKWh: 244,
    waterLPerKWh: 3.908,
    waterNote: 'no EU aggregate in the water source; world average used',
    ...OWID_2023,
  },
  { zone: 'FR', name: 'France', gCO2PerKWh: 56, waterLPerKWh: 3.6737, ...OWID_2023, ecologitsGCO2PerKWh: 44.18 },
  { zone: 'DE', name: 'Germany', gCO2PerKWh: 381, waterLPerKWh: 1.947, ...OWID_2023, ecologitsGCO2PerKWh: 344.14 },
  { zone: 'SE', name: 'Sweden', gCO2PerKWh: 41, waterLPerKWh: 6.0315, ...OWID_2023, ecologitsGCO2PerKWh: 35.82 },
  { zone: 'GB', name: 'United Kingdom', gCO2PerKWh: 238, waterLPerKWh: 2.329, ...OWID_2023, ecologitsGCO2PerKWh: 210.89 },
  { zone: 'IE', name: 'Ireland', gCO2PerKWh: 291, waterLPerKWh: 1.4769, ...OWID_2023, ecologitsGCO2PerKWh: 279.7 },
  { zone: 'NL', name: 'Netherlands', gCO2PerKWh: 268, waterLPerKWh: 3.433, ...OWID_2023, ecologitsGCO2PerKWh: 253.31 },
  { zone: 'IN', name: 'India', gCO2PerKWh: 713, waterLPerKWh: 3.4368, ...OWID_2023, ecologitsGCO2PerKWh: 708.32 },
  { zone: 'CN', name: 'China', gCO2PerKWh: 582, waterLPerKWh: 6.0065, ...OWID_2023, ecologitsGCO2PerKWh: 559.55 },
  { zone: 'JP', name: 'Japan', gCO2PerKWh: 485, waterLPerKWh: 2.3063, ...OWID_2023, ecologitsGCO2PerKWh: 482.32 },
  { zone: 'AU', name: 'Australia', gCO2PerKWh: 549, waterLPerKWh: 4.7293, ...OWID_2023, ecologitsGCO2PerKWh: 551.59 },
  { zone: 'CA', name: 'Canada', gCO2PerKWh: 170, waterLPerKWh: 8.1662, ...OWID_2023, ecologitsGCO2PerKWh: 174.81 },
  { zone: 'BR', name: 'Brazil', gCO2PerKWh: 98, waterLPerKWh: 18.6033, ...OWID_2023, ecologitsGCO2PerKWh: 103.21 },
];

/** Other spellings users type (ISO alpha-3, common names). */
const ZONE_ALIASES: Record<string, string> = {
  WOR: 'WORLD', GLOBAL: 'WORLD', US: 'USA', 'UNITED STATES': 'USA', EU27: 'EU', EUROPE: 'EU',
  FRA: 'FR', FRANCE: 'FR', DEU: 'DE', GERMANY: 'DE', SWE: 'SE', SWEDEN: 'SE', GBR: 'GB', UK: 'GB',
  'UNITED KINGDOM': 'GB', IRL: 'IE', IRELAND: 'IE', NLD: 'NL', NETHERLANDS: 'NL', IND: 'IN', INDIA: 'IN',
  CHN: 'CN', CHINA: 'CN', JPN: 'JP', JAPAN: 'JP', AUS: 'AU', AUSTRALIA: 'AU', CAN: 'CA', CANADA: 'CA',
  BRA: 'BR', BRAZIL: 'BR',
};

export function listGridZones(): readonly GridZone[] {
  return ZONES;
}

/** The zone for a key (case-insensitive, ISO-3 and names accepted), or undefined. */
export function findGridZone(key: string): GridZone | undefined {
  const upper = key.trim().toUpperCase();
  const canonical = ZONE_ALIASES[upper] ?? upper;
  return ZONES.find((z) => z.zone === canonical);
}

/** The zone for a key, falling back to the world average (the caller reports the fallback). */
export function gridZoneOrWorld(key: string | undefined): { zone: GridZone; fellBack: boolean } {
  const found = key ? findGridZone(key) : undefined;
  if (found) return { zone: found, fellBack: false };
  return { zone: ZONES[0], fellBack: key !== undefined };
}
