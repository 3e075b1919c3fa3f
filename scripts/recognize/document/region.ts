/** Region (province / city / county) from department names and text. (stub — to be implemented) */
export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
}

export function inferRegion(department: string, text: string): Region {
  void department;
  void text;
  return { province: null, city: null, county: null };
}
