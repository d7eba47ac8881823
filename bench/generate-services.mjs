// Writes N realistic HSDS 3.0 services (deterministic) as one JSON array, for the directory
// benchmark. Usage: node bench/generate-services.mjs N > services.json
const n = Number(process.argv[2] ?? 50000);
let seed = 20261123;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const kinds = ['Counselling', 'Housing support', 'Peer support group', 'Employment service', 'Food relief', 'Legal advice',
  'Family support', 'Alcohol and drug service', 'Recovery college', 'Community health', 'Financial counselling',
  'Youth drop-in', 'Carer support', 'Disability support', 'Art therapy', 'Walking group', 'Men\'s shed', 'Tenancy advice'];
const places = ['Bayside', 'Northcote', 'Footscray', 'Dandenong', 'Geelong', 'Ballarat', 'Bendigo', 'Frankston', 'Sunshine',
  'Box Hill', 'Preston', 'Werribee', 'Ringwood', 'Broadmeadows', 'Shepparton', 'Warrnambool'];
const languages = ['English', 'Vietnamese', 'Mandarin', 'Arabic', 'Greek', 'Italian', 'Somali', 'Hindi', 'Dari', 'Spanish'];
const hex = (i, width) => i.toString(16).padStart(width, '0');
const out = [];
for (let i = 0; i < n; i += 1) {
  const kind = pick(kinds);
  const place = pick(places);
  const id = (prefix) => `${prefix}${hex(i, 7)}-0000-4000-8000-${hex(i, 12)}`;
  out.push({
    id: id('5'),
    name: `${place} ${kind}`,
    description: `${kind} for people living in and around ${place}. Free, confidential, no referral needed.`,
    status: rand() < 0.95 ? 'active' : 'temporarily closed',
    languages: [{ id: id('6'), name: 'English' }, { id: id('7'), name: pick(languages) }],
    service_at_locations: [
      {
        id: id('8'),
        location: {
          id: id('9'),
          location_type: 'physical',
          latitude: -38.4 + rand() * 2.2,
          longitude: 143.5 + rand() * 2.8,
        },
      },
    ],
  });
}
process.stdout.write(JSON.stringify(out));
