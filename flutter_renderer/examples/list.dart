import 'package:flutter/material.dart';

void main() => runApp(const MaterialApp(debugShowCheckedModeBanner: false, home: ContactsScreen()));

class Contact {
  final String name;
  final String email;
  final bool online;
  const Contact(this.name, this.email, this.online);
}

const contacts = [
  Contact('Alice Johnson', 'alice@example.com', true),
  Contact('Bob Smith', 'bob@example.com', false),
  Contact('Carol White', 'carol@example.com', true),
  Contact('David Brown', 'david@example.com', false),
  Contact('Eve Davis', 'eve@example.com', true),
  Contact('Frank Miller', 'frank@example.com', false),
  Contact('Grace Lee', 'grace@example.com', true),
  Contact('Henry Wilson', 'henry@example.com', false),
];

class ContactsScreen extends StatelessWidget {
  const ContactsScreen({super.key});

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text('Contacts'),
        actions: [
          IconButton(icon: const Icon(Icons.search), onPressed: () {}),
          IconButton(icon: const Icon(Icons.more_vert), onPressed: () {}),
        ],
      ),
      body: ListView.separated(
        itemCount: contacts.length,
        separatorBuilder: (context, index) => const Divider(height: 1),
        itemBuilder: (context, index) {
          final contact = contacts[index];
          return ListTile(
            leading: CircleAvatar(
              backgroundColor: Colors.blue.shade100,
              child: Text(contact.name[0]),
            ),
            title: Text(contact.name),
            subtitle: Text(contact.email),
            trailing: Icon(
              Icons.circle,
              size: 12,
              color: contact.online ? Colors.green : Colors.grey,
            ),
          );
        },
      ),
      floatingActionButton: FloatingActionButton(
        onPressed: () {},
        child: const Icon(Icons.add),
      ),
    );
  }
}
