import 'package:flutter/material.dart';

void main() => runApp(const ProfileApp());

class ProfileApp extends StatelessWidget {
  const ProfileApp({super.key});

  @override
  Widget build(BuildContext context) {
    return MaterialApp(
      debugShowCheckedModeBanner: false,
      theme: ThemeData(colorSchemeSeed: Colors.teal),
      home: DefaultTabController(
        length: 3,
        child: Scaffold(
          appBar: AppBar(
            title: const Text('Profile'),
            actions: [IconButton(icon: const Icon(Icons.settings), onPressed: () {})],
            bottom: const TabBar(
              tabs: [Tab(text: 'Posts'), Tab(text: 'Photos'), Tab(text: 'About')],
            ),
          ),
          body: TabBarView(
            children: [
              SingleChildScrollView(
                padding: const EdgeInsets.all(16),
                child: Column(
                  children: [
                    const CircleAvatar(radius: 48, child: Icon(Icons.person, size: 48)),
                    const SizedBox(height: 12),
                    const Text('Jane Cooper', style: TextStyle(fontSize: 22, fontWeight: FontWeight.bold)),
                    const Text('Product designer - San Francisco', style: TextStyle(color: Colors.black54)),
                    const SizedBox(height: 16),
                    Row(
                      mainAxisAlignment: MainAxisAlignment.spaceEvenly,
                      children: const [
                        Column(children: [Text('128', style: TextStyle(fontWeight: FontWeight.bold, fontSize: 18)), Text('Posts')]),
                        Column(children: [Text('3.4k', style: TextStyle(fontWeight: FontWeight.bold, fontSize: 18)), Text('Followers')]),
                        Column(children: [Text('261', style: TextStyle(fontWeight: FontWeight.bold, fontSize: 18)), Text('Following')]),
                      ],
                    ),
                    const SizedBox(height: 16),
                    Row(
                      children: [
                        Expanded(child: FilledButton(onPressed: () {}, child: const Text('Follow'))),
                        const SizedBox(width: 12),
                        Expanded(child: OutlinedButton(onPressed: () {}, child: const Text('Message'))),
                      ],
                    ),
                    const SizedBox(height: 16),
                    Card(
                      child: Padding(
                        padding: const EdgeInsets.all(16),
                        child: Column(
                          crossAxisAlignment: CrossAxisAlignment.start,
                          children: const [
                            Text('Profile completeness', style: TextStyle(fontWeight: FontWeight.w600)),
                            SizedBox(height: 8),
                            LinearProgressIndicator(value: 0.7),
                          ],
                        ),
                      ),
                    ),
                  ],
                ),
              ),
              const Center(child: Text('Photos')),
              const Center(child: Text('About')),
            ],
          ),
        ),
      ),
    );
  }
}
