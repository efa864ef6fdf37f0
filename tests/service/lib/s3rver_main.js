// s3rver_main.js - run the npm s3rver (an S3-compatible server) as its own
// process, so a test can kill and restart it: node s3rver_main.js PORT DIR BUCKET.
// Prints "ready" on stdout once listening on 127.0.0.1:PORT.
'use strict';
const S3rver = require('s3rver');

const [port, directory, bucket] = process.argv.slice(2);
new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: true,
  configureBuckets: [{ name: bucket }] }).run().then(() => process.stdout.write('ready\n'), (e) => {
  process.stderr.write(`s3rver: ${e.message}\n`);
  process.exit(1);
});
