// Starts fauxqs (SNS + SQS emulator) on the loopback interface only.
//
//   node scripts/fauxqs-loopback.mjs <path to fauxqs dist/app.js> [port] [dataDir]
//
// fauxqs' own CLI listens on every interface; tests and benchmarks must only ever talk
// to loopback, so the listen address is narrowed before fauxqs starts. Port 0 lets the OS
// pick a free port. Prints "FAUXQS_READY <port>" once it accepts requests; the Java test
// harness waits for that line. Stops on SIGTERM/SIGINT, or when its stdin closes (so a
// crashed JVM never leaves an emulator behind).
import net from "node:net";
import { pathToFileURL } from "node:url";

const [appPath, portArg = "0", dataDir] = process.argv.slice(2);
if (!appPath) {
  console.error("usage: fauxqs-loopback.mjs <fauxqs dist/app.js> [port] [dataDir]");
  process.exit(2);
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const options = args[0];
  if (options && typeof options === "object" && (options.host === "0.0.0.0" || options.host === "::")) {
    args[0] = { ...options, host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};

const { startFauxqs } = await import(pathToFileURL(appPath).href);
const server = await startFauxqs({
  port: Number(portArg),
  host: "localhost",
  logger: false,
  ...(dataDir ? { dataDir } : {}),
});
console.log(`FAUXQS_READY ${server.port}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
