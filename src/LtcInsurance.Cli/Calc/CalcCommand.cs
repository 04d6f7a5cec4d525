using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Cli.Calc;

/// <summary>
/// `ltc calc [--input FILE]`: evaluates a JSON array of policy cases (stdin or FILE) and prints one
/// result per case, in order. A bad case yields an error object and never stops the others; exit
/// code 2 only when the input as a whole is not a JSON array.
/// Streams: the input is first checked with a <see cref="Utf8JsonReader"/> (a JSON array, well formed to the end; stdin is
/// spooled to a temporary file for this), then read case by case (each case parsed where it lies in the read buffer into a
/// pooled <see cref="JsonDocument"/> and read by <see cref="CaseReader"/> from it, no node tree) and each answer written as
/// it is computed through a <see cref="Utf8JsonWriter"/>, so memory stays flat however many cases the file holds and
/// nothing is printed for an input that is not a valid array.
/// </summary>
public static class CalcCommand
{
    public const int InputNotAnArray = 2;
    public const int BadArguments = 64;

    private const int FlushAt = 1 << 16;

    /// <summary>Read buffer for the input file (and the spool): large sequential reads.</summary>
    private const int ReadBuffer = 1 << 20;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // keep Chinese messages readable in the output
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        await RunAsync(args, stdin, stdout, stderr, DateOnly.FromDateTime(DateTime.Today));

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        Stream input;
        switch (args)
        {
            case []:
                input = await SpoolAsync(stdin);
                break;
            case ["--input", var path]:
                try
                {
                    input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await stderr.WriteLineAsync($"calc: 无法读取输入文件 / cannot read {path}: {e.Message}");
                    return InputNotAnArray;
                }

                break;
            default:
                await stderr.WriteLineAsync("用法 / usage: ltc calc [--input FILE]");
                return BadArguments;
        }

        await using (input)
        {
            if (await CheckArrayAsync(input) is { } problem)
            {
                await stderr.WriteLineAsync($"calc: 输入不是有效的案例数组 / input is not a valid JSON array: {problem}");
                return InputNotAnArray;
            }

            input.Position = 0;
            var output = ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput() : new TextWriterStream(stdout);
            await using (output)
            {
                return await EvaluateAsync(input, output, stderr, today);
            }
        }
    }

    private static async Task<int> EvaluateAsync(Stream input, Stream output, TextWriter stderr, DateOnly today)
    {
        var calculator = new PolicyCalculator();
        var reader = new CaseReader(calculator, today);
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartArray();
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBuffer);
        try
        {
            var cases = new CaseScan();
            var start = 0;
            var length = 0;
            var final = false;
            var bomChecked = false;
            while (true)
            {
                if (bomChecked)
                {
                    start += Evaluate(buffer.AsMemory(start, length - start), final, ref cases, writer, reader, calculator);
                    if (cases.Ended)
                    {
                        break;
                    }

                    if (writer.BytesPending >= FlushAt)
                    {
                        // Evaluate stops at the flush mark: flush, then go on with the bytes already read
                        await writer.FlushAsync();
                        continue;
                    }

                    if (final)
                    {
                        throw new JsonException("输入在数组结束前截断 / the array ends early");
                    }
                }

                // keep the unread part of the case at hand, read on after it
                length -= start;
                Buffer.BlockCopy(buffer, start, buffer, 0, length);
                start = 0;
                if (length == buffer.Length)
                    buffer = Grown(buffer, length); // one case longer than the buffer

                var read = await input.ReadAsync(buffer.AsMemory(length));
                length += read;
                final = read == 0;
                if (!bomChecked && (length >= 3 || final))
                {
                    bomChecked = true;
                    if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        start = 3;
                    }
                }
            }
        }
        catch (JsonException e)
        {
            // the input changed between the check and the reading: say so, with the answers so far on stdout
            await writer.FlushAsync();
            await stderr.WriteLineAsync($"calc: 输入在读取中途失效 / input became invalid while reading: {e.Message}");
            return InputNotAnArray;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        writer.WriteEndArray();
        await writer.FlushAsync();
        await output.WriteAsync(Utf8.GetBytes(Environment.NewLine));
        await output.FlushAsync();
        return 0;
    }

    /// <summary>
    /// Answers every case that lies whole in <paramref name="data"/> (the array's elements, in order), until the writer holds
    /// <see cref="FlushAt"/> bytes; returns the bytes consumed. Each case is parsed where it lies into a pooled
    /// <see cref="JsonDocument"/> that is disposed once its answer is written: no node tree, no copy of the text.
    /// </summary>
    private static int Evaluate(
        ReadOnlyMemory<byte> data, bool final, ref CaseScan cases, Utf8JsonWriter writer, CaseReader reader, PolicyCalculator calculator)
    {
        var json = new Utf8JsonReader(data.Span, final, cases.State);
        var consumed = 0;
        while (writer.BytesPending < FlushAt && json.Read())
        {
            if (!cases.Started)
            {
                // the opening bracket (the check has seen that the input is an array)
                cases.Started = true;
            }
            else if (json.TokenType == JsonTokenType.EndArray)
            {
                cases.Ended = true;
            }
            else
            {
                var caseStart = (int)json.TokenStartIndex;
                if (!json.TrySkip())
                {
                    // the case goes on past what has been read
                    break;
                }

                using var document = JsonDocument.Parse(data[caseStart..(int)json.BytesConsumed]);
                CaseWriter.WriteOne(writer, document.RootElement, reader, calculator);
            }

            consumed = (int)json.BytesConsumed;
            cases.State = json.CurrentState;
            if (cases.Ended)
            {
                break;
            }
        }

        return consumed;
    }

    /// <summary>Where the reading of the case array stands between two reads of the input.</summary>
    private struct CaseScan
    {
        public JsonReaderState State;
        public bool Started;
        public bool Ended;
    }

    /// <summary>The process's standard input as bytes, or any other reader's text encoded, in a temporary file read twice.</summary>
    private static async Task<Stream> SpoolAsync(TextReader stdin)
    {
        var spool = new FileStream(
            Path.Combine(Path.GetTempPath(), $"ltc-calc-{Guid.NewGuid():N}.json"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        if (ReferenceEquals(stdin, Console.In))
        {
            await using var raw = Console.OpenStandardInput();
            await raw.CopyToAsync(spool);
        }
        else
        {
            await using var text = new StreamWriter(spool, Utf8, 1 << 16, leaveOpen: true);
            var chars = ArrayPool<char>.Shared.Rent(1 << 15);
            try
            {
                int read;
                while ((read = await stdin.ReadAsync(chars.AsMemory())) > 0)
                {
                    await text.WriteAsync(chars.AsMemory(0, read));
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        spool.Position = 0;
        return spool;
    }

    /// <summary>Null when <paramref name="input"/> holds one well-formed JSON array (and nothing after it), else the problem.</summary>
    private static async Task<string?> CheckArrayAsync(Stream input)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBuffer);
        try
        {
            var state = new JsonReaderState();
            var carried = 0;
            var scan = new ScanState();
            var bomChecked = false;
            while (true)
            {
                if (carried == buffer.Length)
                    buffer = Grown(buffer, carried); // one token longer than the buffer

                var read = await input.ReadAsync(buffer.AsMemory(carried));
                var length = carried + read;
                var final = read == 0;
                var start = 0;
                if (!bomChecked)
                {
                    if (length < 3 && !final)
                    {
                        carried = length;
                        continue;
                    }

                    bomChecked = true;
                    if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        start = 3;
                    }
                }

                var consumed = Scan(buffer.AsSpan(start, length - start), final, ref state, ref scan);
                if (scan.NotAnArray)
                {
                    return "输入须为 JSON 数组 / input must be a JSON array of cases";
                }

                if (final)
                {
                    return scan.SawRoot ? null : "输入为空 / the input is empty";
                }

                carried = length - start - consumed;
                Buffer.BlockCopy(buffer, start + consumed, buffer, 0, carried);
            }
        }
        catch (JsonException e)
        {
            return e.Message;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Scan(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref ScanState scan)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (reader.Read())
        {
            if (!scan.SawRoot)
            {
                scan.SawRoot = true;
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    scan.NotAnArray = true;
                    return 0;
                }
            }
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private struct ScanState
    {
        public bool SawRoot;
        public bool NotAnArray;
    }

    /// <summary>A write-only stream that decodes UTF-8 onto a <see cref="TextWriter"/> (a caller's writer that is not the console).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = Utf8.GetDecoder();
        private char[] _chars = new char[1 << 14];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[needed];
            }

            var count = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() => writer.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            // the caller owns the writer: flush, never close it
            if (disposing)
            {
                writer.Flush();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A pooled buffer twice as large holding the first <paramref name="used"/> bytes of <paramref name="buffer"/>, which goes back to the pool.</summary>
    private static byte[] Grown(byte[] buffer, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, larger, 0, used);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
