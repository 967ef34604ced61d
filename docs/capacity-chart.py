#!/usr/bin/env python3
"""Draws docs/capacity-breakpoints.svg: the order rate at which each quota on the order path breaks.

The rows are the "breaks at" column of docs/capacity.md's table (each computed there from a measured use per order
and a documented default); change both together. Run: python3 docs/capacity-chart.py > docs/capacity-breakpoints.svg
A log scale, because the quotas span four orders of magnitude; plain SVG with its own white background and text, so
it reads the same on GitHub in light and dark mode.
"""
import math
import sys

# (label, orders per second at which it breaks); drawn red below 100 orders/s, grey above
ROWS = [
    ("SES sandbox: 200 emails a day (1 email per order placed)", 200 / 86400),
    ("SES sandbox: 1 email/s", 1.0),
    ("HTTP API stage throttle (template.yaml): 50 requests/s", 50.0),
    ("EventBridge target invocations, 750/s regions (6 per order)", 750 / 6),
    ("EventBridge target invocations, 1,100/s regions (6 per order)", 1100 / 6),
    ("Hot sku item: 1,000 write units/s per partition (2 per order)", 1000 / 2),
    ("EventBridge PutEvents us-east-2: 2,400/s (3 per order)", 2400 / 3),
    ("EventBridge target invocations us-east-1: 18,750/s (6 per order)", 18750 / 6),
    ("EventBridge PutEvents us-east-1: 10,000/s (3 per order)", 10000 / 3),
    ("Lambda: 1,000 concurrent executions (0.295 s per order here)", 1000 / 0.295),
    ("HTTP API account throttle: 10,000 requests/s (1 per order)", 10000.0),
]

WIDTH, LEFT, RIGHT, TOP, BAR, GAP = 980, 520, 40, 60, 22, 10
LOW, HIGH = 0.001, 100000.0


def x(rate):
    span = math.log10(HIGH) - math.log10(LOW)
    return LEFT + (WIDTH - LEFT - RIGHT) * (math.log10(max(rate, LOW)) - math.log10(LOW)) / span


def main():
    rows = sorted(ROWS, key=lambda row: row[1])
    height = TOP + len(rows) * (BAR + GAP) + 50
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}"'
           ' font-family="Helvetica, Arial, sans-serif" font-size="13">',
           f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
           f'<text x="{WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold" fill="#111">'
           'Orders per second at which each default quota breaks (log scale; first to break at the top)</text>']
    for decade in range(int(math.log10(LOW)), int(math.log10(HIGH)) + 1):
        gx = x(10 ** decade)
        label = f'{10 ** decade:g}' if decade >= 0 else f'{10 ** decade:.3f}'.rstrip('0')
        out.append(f'<line x1="{gx:.1f}" y1="{TOP - 8}" x2="{gx:.1f}" y2="{height - 40}" stroke="#ddd"/>')
        out.append(f'<text x="{gx:.1f}" y="{height - 22}" text-anchor="middle" fill="#444">{label}</text>')
    out.append(f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{height - 6}" text-anchor="middle" fill="#444">orders per second</text>')
    for i, (label, rate) in enumerate(rows):
        y = TOP + i * (BAR + GAP)
        colour = '#c0392b' if rate < 100 else '#7f8c8d'
        out.append(f'<text x="{LEFT - 8}" y="{y + BAR * 0.7:.1f}" text-anchor="end" fill="#111">{label}</text>')
        out.append(f'<rect x="{LEFT}" y="{y}" width="{x(rate) - LEFT:.1f}" height="{BAR}" fill="{colour}"/>')
        value = f'{rate:,.0f}' if rate >= 10 else f'{rate:.3g}'
        out.append(f'<text x="{x(rate) + 4:.1f}" y="{y + BAR * 0.7:.1f}" fill="#111">{value}</text>')
    out.append('</svg>')
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
