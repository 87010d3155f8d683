import 'package:flutter/material.dart';

void main() => runApp(const SettingsApp());

class SettingsApp extends StatelessWidget {
  const SettingsApp({super.key});

  @override
  Widget build(BuildContext context) {
    return const MaterialApp(debugShowCheckedModeBanner: false, home: SettingsScreen());
  }
}

class SettingsScreen extends StatefulWidget {
  const SettingsScreen({super.key});

  @override
  State<SettingsScreen> createState() => _SettingsScreenState();
}

class _SettingsScreenState extends State<SettingsScreen> {
  bool _notifications = true;
  bool _darkMode = false;
  bool _newsletter = true;
  double _volume = 0.6;
  String _language = 'English';
  int _quality = 1;

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text('Settings')),
      body: ListView(
        children: [
          const Padding(
            padding: EdgeInsets.fromLTRB(16, 16, 16, 8),
            child: Text('General', style: TextStyle(fontWeight: FontWeight.bold, color: Colors.deepPurple)),
          ),
          SwitchListTile(
            title: const Text('Notifications'),
            subtitle: const Text('Receive push notifications'),
            secondary: const Icon(Icons.notifications),
            value: _notifications,
            onChanged: (value) => setState(() => _notifications = value),
          ),
          SwitchListTile(
            title: const Text('Dark mode'),
            secondary: const Icon(Icons.dark_mode),
            value: _darkMode,
            onChanged: (value) => setState(() => _darkMode = value),
          ),
          CheckboxListTile(
            title: const Text('Subscribe to newsletter'),
            value: _newsletter,
            onChanged: (value) => setState(() => _newsletter = value ?? false),
          ),
          ListTile(
            leading: const Icon(Icons.language),
            title: const Text('Language'),
            trailing: DropdownButton<String>(
              value: _language,
              items: ['English', 'French', 'German']
                  .map((lang) => DropdownMenuItem(value: lang, child: Text(lang)))
                  .toList(),
              onChanged: (value) {},
            ),
          ),
          const Divider(),
          const Padding(
            padding: EdgeInsets.fromLTRB(16, 8, 16, 0),
            child: Text('Volume'),
          ),
          Slider(value: _volume, onChanged: (value) => setState(() => _volume = value)),
          const Padding(
            padding: EdgeInsets.fromLTRB(16, 8, 16, 0),
            child: Text('Video quality'),
          ),
          RadioListTile<int>(
            title: const Text('Low'),
            value: 0,
            groupValue: _quality,
            onChanged: (value) {},
          ),
          RadioListTile<int>(
            title: const Text('High'),
            value: 1,
            groupValue: _quality,
            onChanged: (value) {},
          ),
          Padding(
            padding: const EdgeInsets.all(16),
            child: FilledButton(onPressed: () {}, child: const Text('Save changes')),
          ),
        ],
      ),
    );
  }
}
