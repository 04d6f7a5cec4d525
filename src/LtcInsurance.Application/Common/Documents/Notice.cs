namespace LtcInsurance.Application.Common.Documents;

/// <summary>
/// A printable notice (通知书, 结论书) as plain content: a title, an optional reference number (文号), blocks of text and
/// tables, and the issuer's signature and date. <see cref="INoticeRenderer"/> lays it out on A4 with page numbers; the
/// use cases that issue notices build one of these and never touch the PDF library.
/// </summary>
public sealed record Notice(string Title, string? Reference, IReadOnlyList<NoticeBlock> Blocks, NoticeSignature Signature)
{
    /// <summary>Who the document is about, for the PDF's metadata (subject), e.g. the person's name.</summary>
    public string? Subject { get; init; }
}

/// <summary>A part of a notice's body.</summary>
public abstract record NoticeBlock;

/// <summary>A paragraph. <paramref name="Indent"/>: the first line is indented two characters, as Chinese letters are.</summary>
public sealed record NoticeParagraph(string Text, bool Indent = true) : NoticeBlock;

/// <summary>A short bold heading between paragraphs (一、评估结论).</summary>
public sealed record NoticeHeading(string Text) : NoticeBlock;

/// <summary>
/// A table with a header row. <paramref name="Widths"/> are relative column widths (null: equal); every row has as many
/// cells as the header.
/// </summary>
public sealed record NoticeTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double>? Widths = null)
    : NoticeBlock;

/// <summary>The closing block, right-aligned: the issuing body (and a note such as （盖章）) and the date in Chinese.</summary>
public sealed record NoticeSignature(string Issuer, DateOnly Date, string? Note = "（盖章）");

/// <summary>A rendered document ready to download.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content)
{
    public const string PdfContentType = "application/pdf";
}

/// <summary>
/// Lays a <see cref="Notice"/> out as a PDF with an embedded Chinese font (Infrastructure: PDFsharp). Throws
/// <see cref="NoticeFontMissingException"/> when the machine has no usable Chinese font.
/// </summary>
public interface INoticeRenderer
{
    byte[] RenderPdf(Notice notice);
}

/// <summary>No Chinese TrueType font could be found to embed; the message says what to install.</summary>
public sealed class NoticeFontMissingException : Exception
{
    public NoticeFontMissingException()
        : base("未找到可嵌入 PDF 的中文 TrueType 字体")
    {
    }

    public NoticeFontMissingException(string message)
        : base(message)
    {
    }

    public NoticeFontMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
