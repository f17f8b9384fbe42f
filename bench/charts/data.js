// A year of daily usage (365 days, four token series), the same for every library measured.
export function yearOfDays() {
  const days = [];
  const series = [[], [], [], []];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 365; i++) {
    days.push((start + i * 86_400_000) / 1000);
    series[0].push(1000 + ((i * 7919) % 5000));
    series[1].push(200 + ((i * 104729) % 900));
    series[2].push(3000 + ((i * 1299709) % 9000));
    series[3].push((i * 15485863) % 700);
  }
  return { days, series };
}
