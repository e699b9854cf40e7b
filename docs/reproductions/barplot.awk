# Grouped bar chart as SVG on a log10 y axis (or a linear one from 0 with -v linear=1), for the
# reproduction scripts. Input: lines "label,v1,v2,..." (values > 0 on the log axis).
# Variables: title, ylabel, series ("name1,name2,..."), linear.
# Usage: awk -f barplot.awk -v title=T -v ylabel=Y -v series=A,B < rows.csv > plot.svg
BEGIN { FS = ","; ns = split(series, names, ","); color[1] = "#4c72b0"; color[2] = "#dd8452";
        color[3] = "#55a868"; color[4] = "#c44e52"; color[5] = "#8172b3"; lo = 0; hi = 0 }
function tr(x) { return linear ? x : log(x) / log(10) }
{ n++; label[n] = $1; for (j = 1; j <= ns; j++) { v[n, j] = $(j + 1) + 0; l = tr(v[n, j]);
    if (l > hi) hi = l; if (l < lo) lo = l } }
END {
  if (linear) { lo = 0; step = 10 ^ int(log(hi) / log(10) - (hi < 1 ? 1 : 0)); hi = (int(hi / step) + 1) * step }
  else { lo = int(lo - (lo < 0 ? 1 : 0)); hi = int(hi) + 1; step = 1 } left = 70; top = 40; h = 300; gw = 14 * ns + 8;
  w = n * gw; width = left + w + 20; if (width < 560) width = 560; height = top + h + 150;
  printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", width, height
  printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>\n", left, title
  for (e = lo; e <= hi + step / 2; e += step) { y = top + h - (e - lo) / (hi - lo) * h;
    printf "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left, left + w, y, y, left - 4, y + 4, linear ? sprintf("%g", e) : sprintf("1e%d", e) }
  printf "<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", top + h / 2, ylabel
  for (i = 1; i <= n; i++) { x0 = left + (i - 1) * gw + 4;
    for (j = 1; j <= ns; j++) { y = top + h - (tr(v[i, j]) - lo) / (hi - lo) * h; base = top + h - (0 - lo) / (hi - lo) * h;
      y1 = y < base ? y : base; hh = y < base ? base - y : y - base; if (hh < 1) hh = 1;
      printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"13\" height=\"%.1f\" fill=\"%s\"><title>%s %s %g</title></rect>\n", x0 + (j - 1) * 14, y1, hh, color[j], label[i], names[j], v[i, j] }
    printf "<text transform=\"translate(%.1f,%d) rotate(60)\">%s</text>\n", x0 + gw / 2 - 4, top + h + 8, label[i] }
  for (j = 1; j <= ns; j++) printf "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n", left + (j - 1) * 130, height - 14, color[j], left + (j - 1) * 130 + 14, height - 5, names[j]
  print "</svg>"
}
