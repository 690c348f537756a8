import { UsageError } from './exit-codes.js';

/** The first line of piped input (`echo $TOKEN | ilms login …`), without its line end. */
async function readPipedLine(input: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Reads typed characters without echoing them; Enter ends, Backspace erases, Ctrl-C stops. */
function readHidden(input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new UsageError('Login stopped; nothing was stored.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/** Asks for a secret: hidden on a terminal, read as the first line when piped. */
export async function readSecret(prompt: string, input = process.stdin, output = process.stderr): Promise<string> {
  if (!input.isTTY) return readPipedLine(input);
  output.write(prompt);
  return readHidden(input, output);
}
