/** The demo power list's shape and the units' telephone numbers. */
import type { PowerCategory, PowerStep } from '../domain/powers.ts';

export type UnitKey = 'district' | 'squad' | 'station1' | 'station2' | 'station3' | 'legal' | 'food' | 'se' | 'price';

export interface DemoPowerItem {
  code: string;
  name: string;
  category: PowerCategory;
  unit: UnitKey;
  basis: string[];
  responsibilities?: string[];
  steps?: PowerStep[];
  materials?: string[];
  timeLimit?: string | null;
  fee?: string;
  office?: string;
  phone?: string;
  remarks?: string;
  sub?: Omit<DemoPowerItem, 'category' | 'sub'>[];
}

export const demoUnitPhones: Record<UnitKey, string> = {
  district: '0990-86012300',
  squad: '0990-86012304',
  station1: '0990-86012311',
  station2: '0990-86012312',
  station3: '0990-86012313',
  legal: '0990-86012305',
  food: '0990-86012301',
  se: '0990-86012302',
  price: '0990-86012303',
};
