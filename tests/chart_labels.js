(svg) => {
  // Every label's box against every marker, every line and every other label; and inside the chart.
  const box = (e) => { const r = e.getBoundingClientRect(); return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; };
  const overlap = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const inAxis = (e) => e.closest('[id*="matplotlib.axis"]') !== null;
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => ({text: t.textContent.trim(), box: box(t), axis: inAxis(t)}));
  const lines = [...svg.querySelectorAll('g[id*="line2d"]')].filter((g) => !inAxis(g));
  const markers = lines.flatMap((g) => [...g.querySelectorAll('use')]).map((u) => box(u));
  const strokes = lines.flatMap((g) => [...g.querySelectorAll(':scope > path')]);
  const frame = box(svg);
  const problems = [];
  texts.forEach((t, i) => {
    if (t.box.x0 < frame.x0 - 0.5 || t.box.y0 < frame.y0 - 0.5 || t.box.x1 > frame.x1 + 0.5 || t.box.y1 > frame.y1 + 0.5) problems.push(`"${t.text}" goes outside the chart`);
    texts.slice(i + 1).forEach((u) => { if (overlap(t.box, u.box)) problems.push(`"${t.text}" overlaps "${u.text}"`); });
    if (t.axis) return;
    markers.forEach((m) => { if (overlap(t.box, m)) problems.push(`"${t.text}" covers a point`); });
    strokes.forEach((path) => {
      const inverse = path.getScreenCTM().inverse();
      const point = svg.createSVGPoint();
      for (let x = t.box.x0; x <= t.box.x1; x += 1) {
        for (let y = t.box.y0; y <= t.box.y1; y += 1) {
          point.x = x; point.y = y;
          if (path.isPointInStroke(point.matrixTransform(inverse))) { problems.push(`"${t.text}" crosses a line`); return; }
        }
      }
    });
  });
  return [...new Set(problems)];
}
