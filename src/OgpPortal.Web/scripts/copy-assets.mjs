// Copies the front-end files the portal serves from node_modules into wwwroot/lib.
import { cpSync, mkdirSync } from "node:fs";

const files = [
  ["bootstrap/dist/css/bootstrap.min.css", "bootstrap/css/bootstrap.min.css"],
  ["bootstrap/dist/css/bootstrap.min.css.map", "bootstrap/css/bootstrap.min.css.map"],
  ["bootstrap/dist/js/bootstrap.bundle.min.js", "bootstrap/js/bootstrap.bundle.min.js"],
  ["bootstrap/dist/js/bootstrap.bundle.min.js.map", "bootstrap/js/bootstrap.bundle.min.js.map"],
  ["bootstrap/LICENSE", "bootstrap/LICENSE"],
  ["chart.js/dist/chart.umd.min.js", "chart.js/chart.umd.min.js"],
  ["chart.js/dist/chart.umd.min.js.map", "chart.js/chart.umd.min.js.map"],
  ["chart.js/LICENSE.md", "chart.js/LICENSE.md"],
];

for (const [from, to] of files) {
  const target = new URL(`../wwwroot/lib/${to}`, import.meta.url);
  mkdirSync(new URL(".", target), { recursive: true });
  cpSync(new URL(`../node_modules/${from}`, import.meta.url), target);
  console.log(`wwwroot/lib/${to}`);
}
