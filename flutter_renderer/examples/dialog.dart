import 'package:flutter/material.dart';

void main() => runApp(const MaterialApp(debugShowCheckedModeBanner: false, home: DeleteDialogScreen()));

class DeleteDialogScreen extends StatelessWidget {
  const DeleteDialogScreen({super.key});

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text('Files')),
      body: Stack(
        children: [
          ListView(
            children: const [
              ListTile(leading: Icon(Icons.description), title: Text('Report.pdf'), subtitle: Text('2.4 MB')),
              ListTile(leading: Icon(Icons.image), title: Text('Photo.jpg'), subtitle: Text('1.1 MB')),
              ListTile(leading: Icon(Icons.music_note), title: Text('Song.mp3'), subtitle: Text('4.8 MB')),
            ],
          ),
          Container(color: Colors.black54),
          Center(
            child: AlertDialog(
              icon: const Icon(Icons.delete_outline),
              title: const Text('Delete file?'),
              content: const Text('Report.pdf will be permanently deleted. This action cannot be undone.'),
              actions: [
                TextButton(onPressed: () {}, child: const Text('Cancel')),
                TextButton(onPressed: () {}, child: const Text('Delete')),
              ],
            ),
          ),
        ],
      ),
    );
  }
}
