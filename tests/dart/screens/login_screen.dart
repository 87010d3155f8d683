import 'package:flutter/material.dart';

void main() => runApp(const LoginApp());

const double kPadding = 16.0;
final List<String> providers = ['Google', 'Apple'];

class LoginApp extends StatelessWidget {
  const LoginApp({super.key});

  @override
  Widget build(BuildContext context) {
    return MaterialApp(
      debugShowCheckedModeBanner: false,
      home: const LoginPage(title: 'Welcome back'),
    );
  }
}

class LoginPage extends StatefulWidget {
  const LoginPage({super.key, required this.title, this.subtitle = 'Sign in to continue'});
  final String title;
  final String subtitle;

  @override
  State<LoginPage> createState() => _LoginPageState();
}

class _LoginPageState extends State<LoginPage> {
  bool _obscure = true;
  int _attempts = 0;
  late String _hint;

  @override
  void initState() {
    super.initState();
    _hint = 'you@example.com';
    _attempts = 2;
  }

  Widget _field(String label, {bool obscure = false, IconData? icon}) {
    return Padding(
      padding: const EdgeInsets.symmetric(vertical: 8),
      child: TextField(
        obscureText: obscure,
        decoration: InputDecoration(
          labelText: label,
          hintText: label == 'Email' ? _hint : null,
          prefixIcon: icon != null ? Icon(icon) : null,
          border: OutlineInputBorder(borderRadius: BorderRadius.circular(12)),
        ),
      ),
    );
  }

  String get greeting => '${widget.title}, attempt ${_attempts + 1}';

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    final width = MediaQuery.of(context).size.width;
    return Scaffold(
      appBar: AppBar(title: Text(widget.title), backgroundColor: theme.colorScheme.primary),
      body: Padding(
        padding: EdgeInsets.all(width > 600 ? 48 : kPadding),
        child: Column(
          crossAxisAlignment: CrossAxisAlignment.stretch,
          children: [
            Text(greeting, style: theme.textTheme.headlineSmall?.copyWith(fontWeight: FontWeight.bold)),
            Text(widget.subtitle.toUpperCase(), style: TextStyle(color: Colors.grey.shade600, fontSize: 14)),
            const SizedBox(height: 24),
            _field('Email', icon: Icons.email_outlined),
            _field('Password', obscure: _obscure, icon: Icons.lock_outline),
            if (_attempts > 1) Text('Forgot password?', style: TextStyle(color: Colors.blue[700])),
            ElevatedButton(
              onPressed: () async {
                setState(() => _attempts++);
                await Future.delayed(const Duration(seconds: 1));
              },
              child: const Text('Sign in'),
            ),
            ...providers.map((p) => TextButton(onPressed: () {}, child: Text('Continue with $p'))).toList(),
            Container(
              height: 1,
              color: Colors.black.withOpacity(0.12),
            ),
            Row(
              mainAxisAlignment: MainAxisAlignment.center,
              children: List.generate(3, (i) => Icon(Icons.circle, size: 8, color: i == 0 ? theme.colorScheme.primary : Color(0xFFBDBDBD))),
            ),
          ],
        ),
      ),
    );
  }
}
