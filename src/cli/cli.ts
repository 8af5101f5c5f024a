// Placeholder: replaced by the real CLI.
process.stdout.write('veeam cli\n');
