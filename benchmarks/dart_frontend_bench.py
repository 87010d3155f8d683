"""Time the Dart front end (parse + evaluate to IR) on realistic ~150-line screens.

    .venv/bin/python benchmarks/dart_frontend_bench.py [--screens 40] [--repeats 5]

Prints a table of median / p90 milliseconds per screen, for parsing alone and for the whole
`compile_screen`, against the real catalog.
"""

from __future__ import annotations

import argparse
import statistics
import time

from flutter_renderer.dart import compile_screen
from flutter_renderer.dart.syntax import parse

SCREEN = """\
import 'package:flutter/material.dart';

void main() => runApp(const ShopApp());

const double kGap = {gap};
const List<String> kCategories = ['All', 'Fruit', 'Bakery', 'Dairy', 'Drinks'];

class Product {{
  const Product(this.name, this.price, this.icon, {{this.onSale = false}});
  final String name;
  final double price;
  final IconData icon;
  final bool onSale;
}}

final List<Product> products = List.generate(
  {count},
  (i) => Product('Item ${{i + 1}}', 1.5 * (i + 1), i.isEven ? Icons.shopping_bag : Icons.local_cafe, onSale: i % 3 == 0),
);

class ShopApp extends StatelessWidget {{
  const ShopApp({{super.key}});

  @override
  Widget build(BuildContext context) {{
    return MaterialApp(
      title: '{title}',
      debugShowCheckedModeBanner: false,
      theme: ThemeData(colorScheme: ColorScheme.fromSeed(seedColor: Colors.{color}), useMaterial3: true),
      home: const ShopPage(title: '{title}'),
    );
  }}
}}

class ShopPage extends StatefulWidget {{
  const ShopPage({{super.key, required this.title}});
  final String title;

  @override
  State<ShopPage> createState() => _ShopPageState();
}}

class _ShopPageState extends State<ShopPage> {{
  int _selected = 0;
  String _query = '';
  final Set<int> _favorites = {{1, 4}};

  @override
  void initState() {{
    super.initState();
    _selected = {selected};
  }}

  List<Product> get _visible =>
      products.where((p) => _query.isEmpty || p.name.toLowerCase().contains(_query)).toList();

  Widget _chip(String label, int index) {{
    final selected = index == _selected;
    return Padding(
      padding: const EdgeInsets.only(right: 8),
      child: ChoiceChip(
        label: Text(label),
        selected: selected,
        onSelected: (_) => setState(() => _selected = index),
      ),
    );
  }}

  Widget _price(Product p) {{
    final text = '\\$${{p.price.toStringAsFixed(2)}}';
    if (p.onSale) {{
      return Text(text, style: const TextStyle(color: Colors.red, fontWeight: FontWeight.bold));
    }}
    return Text(text);
  }}

  Widget _tile(BuildContext context, Product p, int index) {{
    final scheme = Theme.of(context).colorScheme;
    return Card(
      margin: const EdgeInsets.symmetric(horizontal: kGap, vertical: 4),
      child: ListTile(
        leading: CircleAvatar(
          backgroundColor: scheme.primaryContainer,
          child: Icon(p.icon, color: scheme.onPrimaryContainer),
        ),
        title: Text(p.name, style: Theme.of(context).textTheme.titleMedium),
        subtitle: _price(p),
        trailing: IconButton(
          icon: Icon(_favorites.contains(index) ? Icons.favorite : Icons.favorite_border),
          color: _favorites.contains(index) ? Colors.pink : Colors.grey.shade500,
          onPressed: () => setState(() => _favorites.add(index)),
        ),
      ),
    );
  }}

  @override
  Widget build(BuildContext context) {{
    final width = MediaQuery.of(context).size.width;
    final items = _visible;
    return Scaffold(
      appBar: AppBar(
        title: Text(widget.title),
        actions: [
          IconButton(icon: const Icon(Icons.search), onPressed: () {{}}),
          IconButton(icon: const Icon(Icons.shopping_cart_outlined), onPressed: () {{}}),
        ],
      ),
      body: Column(
        crossAxisAlignment: CrossAxisAlignment.start,
        children: [
          Padding(
            padding: const EdgeInsets.all(kGap),
            child: TextField(
              decoration: InputDecoration(
                hintText: 'Search ${{products.length}} products',
                prefixIcon: const Icon(Icons.search),
                border: OutlineInputBorder(borderRadius: BorderRadius.circular(12)),
              ),
              onChanged: (v) => setState(() => _query = v.toLowerCase()),
            ),
          ),
          SizedBox(
            height: 48,
            child: ListView(
              scrollDirection: Axis.horizontal,
              padding: const EdgeInsets.symmetric(horizontal: kGap),
              children: [for (var i = 0; i < kCategories.length; i++) _chip(kCategories[i], i)],
            ),
          ),
          if (width > 600)
            const Padding(padding: EdgeInsets.all(kGap), child: Text('Wide layout'))
          else
            Container(
              width: double.infinity,
              margin: const EdgeInsets.symmetric(horizontal: kGap),
              padding: const EdgeInsets.all(12),
              decoration: BoxDecoration(
                color: Colors.{color}.withOpacity(0.1),
                borderRadius: BorderRadius.circular(8),
              ),
              child: Row(
                children: [
                  Icon(Icons.local_offer, color: Colors.{color}[700]),
                  const SizedBox(width: 8),
                  Expanded(child: Text('${{items.where((p) => p.onSale).length}} items on sale today')),
                ],
              ),
            ),
          Expanded(
            child: ListView(
              children: [
                ...items.asMap().entries.map((e) => _tile(context, e.value, e.key)),
              ],
            ),
          ),
        ],
      ),
      bottomNavigationBar: NavigationBar(
        selectedIndex: 0,
        destinations: const [
          NavigationDestination(icon: Icon(Icons.home), label: 'Home'),
          NavigationDestination(icon: Icon(Icons.receipt_long), label: 'Orders'),
          NavigationDestination(icon: Icon(Icons.person), label: 'Profile'),
        ],
      ),
    );
  }}
}}
"""
COLORS = ["blue", "green", "teal", "orange", "purple", "indigo", "red", "amber"]


def screens(n: int) -> list[str]:
    """`n` variants of one realistic screen (item counts, colors, titles vary)."""
    return [
        SCREEN.format(
            gap=12 + i % 3 * 4, count=6 + i % 10, title=f"Market {i}", color=COLORS[i % len(COLORS)], selected=i % 5
        )
        for i in range(n)
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    sources = screens(args.screens)
    compile_screen(sources[0], width=390, height=844)  # warm caches (grammar, Flet icon/color sets)
    timings: dict[str, list[float]] = {"parse": [], "compile_screen": []}
    for _ in range(args.repeats):
        for source in sources:
            started = time.perf_counter()
            parse(source, 200_000)
            timings["parse"].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            compile_screen(source, width=390, height=844)
            timings["compile_screen"].append((time.perf_counter() - started) * 1000)
    lines = len(sources[0].splitlines())
    print(f"{args.screens} screens of ~{lines} lines x {args.repeats} repeats")
    print(f"{'stage':<16}{'median ms':>10}{'p90 ms':>10}{'mean ms':>10}")
    for stage, values in timings.items():
        print(
            f"{stage:<16}{statistics.median(values):>10.2f}{percentile(values, 0.9):>10.2f}"
            f"{statistics.mean(values):>10.2f}"
        )


if __name__ == "__main__":
    main()
