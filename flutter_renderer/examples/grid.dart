import 'package:flutter/material.dart';

void main() => runApp(const MaterialApp(debugShowCheckedModeBanner: false, home: ShopScreen()));

class Product {
  final String name;
  final double price;
  final IconData icon;
  final Color color;
  const Product(this.name, this.price, this.icon, this.color);
}

class ShopScreen extends StatelessWidget {
  const ShopScreen({super.key});

  static const products = [
    Product('Headphones', 59.99, Icons.headphones, Colors.orange),
    Product('Camera', 249.0, Icons.camera_alt, Colors.blue),
    Product('Watch', 129.5, Icons.watch, Colors.green),
    Product('Laptop', 999.0, Icons.laptop, Colors.purple),
    Product('Phone', 699.0, Icons.phone_android, Colors.red),
    Product('Speaker', 89.0, Icons.speaker, Colors.teal),
  ];

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text('Shop'),
        actions: [
          Badge(label: const Text('2'), child: IconButton(icon: const Icon(Icons.shopping_cart), onPressed: () {})),
        ],
      ),
      body: Column(
        children: [
          Padding(
            padding: const EdgeInsets.all(12),
            child: Wrap(
              spacing: 8,
              children: const [
                Chip(label: Text('All')),
                Chip(label: Text('Audio')),
                Chip(label: Text('Wearables')),
              ],
            ),
          ),
          Expanded(
            child: GridView.count(
              crossAxisCount: 2,
              padding: const EdgeInsets.all(12),
              mainAxisSpacing: 12,
              crossAxisSpacing: 12,
              childAspectRatio: 0.9,
              children: products.map((p) => Card(
                    child: Column(
                      mainAxisAlignment: MainAxisAlignment.center,
                      children: [
                        Container(
                          width: 64,
                          height: 64,
                          decoration: BoxDecoration(
                            color: p.color.withOpacity(0.15),
                            borderRadius: BorderRadius.circular(16),
                          ),
                          child: Icon(p.icon, size: 36, color: p.color),
                        ),
                        const SizedBox(height: 12),
                        Text(p.name, style: const TextStyle(fontWeight: FontWeight.w600, fontSize: 16)),
                        const SizedBox(height: 4),
                        Text('\$${p.price.toStringAsFixed(2)}', style: TextStyle(color: Colors.grey[700])),
                      ],
                    ),
                  )).toList(),
            ),
          ),
        ],
      ),
      bottomNavigationBar: BottomNavigationBar(
        currentIndex: 0,
        items: const [
          BottomNavigationBarItem(icon: Icon(Icons.home), label: 'Home'),
          BottomNavigationBarItem(icon: Icon(Icons.favorite), label: 'Saved'),
          BottomNavigationBarItem(icon: Icon(Icons.person), label: 'Profile'),
        ],
      ),
    );
  }
}
