using System.Buffers.Binary;
using LtcInsurance.Application.Common.Documents;
using PdfSharp.Fonts;

namespace LtcInsurance.Infrastructure.Documents;

/// <summary>
/// The Chinese font notices are set in, found on the machine and embedded (subset) in every PDF. PDFsharp embeds
/// TrueType outlines only, so the candidates are TrueType fonts: the file named by the environment variable
/// <see cref="FontVariable"/>, else the first of <see cref="Candidates"/> found under the usual font folders
/// (Debian: <c>fonts-wqy-microhei</c>, installed by <c>deploy/prerequisites.sh</c>). Noto CJK's .ttc files hold
/// CFF (PostScript) outlines and cannot be embedded by PDFsharp. A TrueType collection (.ttc) is unpacked to its first
/// face. See docs/decisions/0006-pdf-notices.md.
/// </summary>
public static class CjkFont
{
    public const string FontVariable = "LTC_PDF_FONT";

    /// <summary>The family name notices ask PDFsharp for.</summary>
    public const string Family = "LtcCjk";

    public static readonly IReadOnlyList<string> Candidates =
    [
        "wqy-microhei.ttc", "wqy-zenhei.ttc", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "NotoSansSC-Regular.ttf",
        "msyh.ttc", "simhei.ttf", "simsun.ttc",
    ];

    private static readonly string[] Folders =
    [
        "/usr/share/fonts", "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"),
    ];

    private static readonly Lock Gate = new();
    private static (string Path, byte[] Data)? _font;

    /// <summary>The font file used and its TrueType data; throws <see cref="NoticeFontMissingException"/> when there is none.</summary>
    public static (string Path, byte[] Data) Load()
    {
        lock (Gate)
        {
            return _font ??= Find();
        }
    }

    /// <summary>Makes PDFsharp resolve <see cref="Family"/> to the font (once per process).</summary>
    public static void EnsureResolver()
    {
        Load();
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not Resolver)
                GlobalFontSettings.FontResolver = new Resolver();
        }
    }

    private static (string Path, byte[] Data) Find()
    {
        var tried = new List<string>();
        if (Environment.GetEnvironmentVariable(FontVariable) is { Length: > 0 } configured)
        {
            if (TryRead(configured, out var data, out var why))
                return (configured, data);
            throw new NoticeFontMissingException(
                $"环境变量 {FontVariable} 指定的字体 {configured} 不能用于 PDF：{why}。请指定 TrueType 字体（.ttf 或 .ttc），如 wqy-microhei.ttc。");
        }
        foreach (var name in Candidates)
        {
            foreach (var folder in Folders.Where(Directory.Exists))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(folder, name, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive });
                    foreach (var file in files)
                    {
                        if (TryRead(file, out var data, out var why))
                            return (file, data);
                        tried.Add($"{file}（{why}）");
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
        throw new NoticeFontMissingException(
            "未找到可嵌入 PDF 的中文 TrueType 字体，无法生成通知书。请安装文泉驿微米黑（Debian/Ubuntu：apt-get install fonts-wqy-microhei；"
            + $"deploy/prerequisites.sh 会安装），或以环境变量 {FontVariable} 指定 .ttf/.ttc 字体文件。"
            + (tried.Count > 0 ? " 已找到但不可用：" + string.Join("；", tried) : ""));
    }

    private static bool TryRead(string path, out byte[] data, out string why)
    {
        data = [];
        try
        {
            var bytes = File.ReadAllBytes(path);
            var face = FirstFace(bytes, out why);
            if (face is null)
                return false;
            data = face;
            return true;
        }
        catch (IOException e)
        {
            why = e.Message;
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            why = e.Message;
            return false;
        }
    }

    /// <summary>
    /// The TrueType data of a .ttf, or of the first face of a .ttc (its tables copied into a standalone font); null when
    /// the outlines are not TrueType (<c>glyf</c>).
    /// </summary>
    internal static byte[]? FirstFace(byte[] file, out string why)
    {
        why = "";
        if (file.Length < 12)
        {
            why = "文件过短";
            return null;
        }
        var tag = BinaryPrimitives.ReadUInt32BigEndian(file);
        var offset = 0;
        if (tag == 0x74746366) // 'ttcf'
        {
            offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12)));
            tag = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
        }
        if (tag == 0x4F54544F) // 'OTTO'
        {
            why = "CFF（PostScript）字形，PDFsharp 不能嵌入";
            return null;
        }
        if (tag is not (0x00010000 or 0x74727565)) // 1.0 or 'true'
        {
            why = "不是 TrueType 字体";
            return null;
        }
        int tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
        var records = new (uint Tag, uint Checksum, int Offset, int Length)[tables];
        var hasGlyf = false;
        for (var i = 0; i < tables; i++)
        {
            var record = file.AsSpan(offset + 12 + (16 * i), 16);
            records[i] = (BinaryPrimitives.ReadUInt32BigEndian(record), BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..])), checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..])));
            hasGlyf |= records[i].Tag == 0x676C7966; // 'glyf'
        }
        if (!hasGlyf)
        {
            why = "没有 TrueType 字形表（glyf）";
            return null;
        }
        if (offset == 0)
            return file;

        var headerLength = 12 + (16 * tables);
        var size = headerLength + records.Sum(r => (r.Length + 3) & ~3);
        var result = new byte[size];
        file.AsSpan(offset, 12).CopyTo(result);
        var position = headerLength;
        for (var i = 0; i < tables; i++)
        {
            var (recordTag, checksum, tableOffset, length) = records[i];
            var record = result.AsSpan(12 + (16 * i), 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, recordTag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            file.AsSpan(tableOffset, length).CopyTo(result.AsSpan(position));
            position += (length + 3) & ~3;
        }
        return result;
    }

    /// <summary>Every family resolves to the one Chinese face; bold is simulated (the candidates have no bold face).</summary>
    private sealed class Resolver : IFontResolver
    {
        private const string Face = "LtcCjk-Regular";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(Face, bold, italic);

        public byte[]? GetFont(string faceName) => faceName == Face ? Load().Data : null;
    }
}
