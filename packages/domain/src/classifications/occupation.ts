import { defineScheme } from './define-scheme.js';

export const occupationIsco08 = defineScheme({
  id: 'OCU_ISCO08',
  label: 'Occupation (ISCO-08 major groups)',
  codes: [
    ['TOTAL', 'Total'],
    ['0', 'Armed forces occupations'],
    ['1', 'Managers'],
    ['2', 'Professionals'],
    ['3', 'Technicians and associate professionals'],
    ['4', 'Clerical support workers'],
    ['5', 'Service and sales workers'],
    ['6', 'Skilled agricultural, forestry and fishery workers'],
    ['7', 'Craft and related trades workers'],
    ['8', 'Plant and machine operators, and assemblers'],
    ['9', 'Elementary occupations'],
    ['X', 'Not elsewhere classified'],
  ],
});

export const occupationSkill = defineScheme({
  id: 'OCU_SKILL',
  label: 'Occupation (skill level)',
  codes: [
    ['TOTAL', 'Total'],
    ['L3-4', 'Skill levels 3 and 4 (high)'],
    ['L2', 'Skill level 2 (medium)'],
    ['L1', 'Skill level 1 (low)'],
    ['X', 'Skill level not classifiable'],
  ],
});
