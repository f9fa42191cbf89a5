// Nationalities the Indonesian generators draw from, each with the name TKA writes for it: the
// specification's listed spellings (subgraphs/idn/README.md), and countries it does not list with
// their Indonesian name as the maintained data set gives it, in capitals.
export const NATIONALITIES: ReadonlyArray<readonly [alpha3: string, tkaName: string]> = [
  ['CHN', 'TIONGKOK'], ['JPN', 'JEPANG'], ['KOR', 'KOREA SELATAN'], ['IND', 'INDIA'], ['MYS', 'MALAYSIA'], ['SGP', 'SINGAPURA'],
  ['PHL', 'FILIPINA'], ['THA', 'THAILAND'], ['VNM', 'VIETNAM'], ['MMR', 'MYANMAR'], ['KHM', 'KAMBOJA'], ['LAO', 'LAOS'],
  ['BRN', 'BRUNEI DARUSSALAM'], ['TLS', 'TIMOR LESTE'], ['USA', 'AMERIKA SERIKAT'], ['AUS', 'AUSTRALIA'], ['GBR', 'INGGRIS'],
  ['BGD', 'BANGLADESH'], ['NPL', 'NEPAL'], ['TWN', 'TAIWAN'],
  // Not in the specification's list: the data set's Indonesian names.
  ['DEU', 'JERMAN'], ['NLD', 'BELANDA'], ['PAK', 'PAKISTAN'], ['LKA', 'SRI LANKA'], ['RUS', 'RUSIA'], ['TUR', 'TURKI'], ['ZAF', 'AFRIKA SELATAN'],
];
