using System.Globalization;
using System.Text;
using LtcInsurance.Application.Common.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LtcInsurance.Infrastructure.Documents;

/// <summary>
/// Lays a <see cref="Notice"/> out on A4 pages with PDFsharp: the title centred, the reference below it, paragraphs with
/// a two-character first-line indent, bold headings, tables with a repeated header row, the signature block on the right,
/// and "第 n 页 共 m 页" at the foot of every page. Chinese text is broken between any two characters (no line starts with
/// closing punctuation); Latin words are kept whole where they fit. The font is <see cref="CjkFont"/>, embedded as a subset.
/// </summary>
public sealed class PdfNoticeRenderer : INoticeRenderer
{
    private const double Margin = 72; // 25.4 mm
    private const double BodySize = 12;
    private const string NoLineStart = "，。、；：？！）》」』】〕”’,.;:?!)]%";

    public byte[] RenderPdf(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        CjkFont.EnsureResolver();
        using var document = new PdfDocument();
        document.Info.Title = notice.Title;
        document.Info.Subject = notice.Subject ?? notice.Title;
        document.Info.Creator = "LtcInsurance 长期护理保险经办系统";
        document.Options.CompressContentStreams = true;

        var fonts = new Fonts();
        var layout = new Layout(document);
        layout.Centred(notice.Title, fonts.Title, spacingAfter: notice.Reference is null ? 18 : 6);
        if (notice.Reference is { } reference)
            layout.Centred(reference, fonts.Small, spacingAfter: 18);

        foreach (var block in notice.Blocks)
        {
            switch (block)
            {
                case NoticeHeading heading:
                    layout.Paragraph(heading.Text, fonts.Bold, indent: 0, spacingBefore: 6);
                    break;
                case NoticeParagraph paragraph:
                    layout.Paragraph(paragraph.Text, fonts.Body, indent: paragraph.Indent ? 2 * BodySize : 0, spacingBefore: 0);
                    break;
                case NoticeTable table:
                    layout.Table(table, fonts.Table, fonts.TableBold);
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        layout.Signature(notice.Signature, fonts.Body);
        layout.Finish(fonts.Small);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class Fonts
    {
        public XFont Title { get; } = new(CjkFont.Family, 18, XFontStyleEx.Bold);
        public XFont Body { get; } = new(CjkFont.Family, BodySize);
        public XFont Bold { get; } = new(CjkFont.Family, BodySize, XFontStyleEx.Bold);
        public XFont Table { get; } = new(CjkFont.Family, 10.5);
        public XFont TableBold { get; } = new(CjkFont.Family, 10.5, XFontStyleEx.Bold);
        public XFont Small { get; } = new(CjkFont.Family, 9.5);
    }

    private sealed class Layout(PdfDocument document)
    {
        private XGraphics? _graphics;
        private double _y;

        private XGraphics G => _graphics ?? NewPage();

        private double Width => XUnit.FromMillimeter(210).Point - (2 * Margin);

        private double Bottom => XUnit.FromMillimeter(297).Point - Margin;

        public void Centred(string text, XFont font, double spacingAfter)
        {
            var lineHeight = font.GetHeight() * 1.4;
            foreach (var line in Wrap(text, font, Width, 0))
            {
                EnsureSpace(lineHeight);
                var width = G.MeasureString(line, font).Width;
                G.DrawString(line, font, XBrushes.Black, Margin + ((Width - width) / 2), _y, XStringFormats.TopLeft);
                _y += lineHeight;
            }
            _y += spacingAfter;
        }

        public void Paragraph(string text, XFont font, double indent, double spacingBefore)
        {
            var lineHeight = font.GetHeight() * 1.6;
            _y += spacingBefore;
            var first = true;
            foreach (var line in Wrap(text, font, Width, indent))
            {
                EnsureSpace(lineHeight);
                G.DrawString(line, font, XBrushes.Black, Margin + (first ? indent : 0), _y, XStringFormats.TopLeft);
                _y += lineHeight;
                first = false;
            }
            _y += 2;
        }

        public void Table(NoticeTable table, XFont font, XFont bold)
        {
            var columns = table.Header.Count;
            var weights = table.Widths is { } w && w.Count == columns ? w : Enumerable.Repeat(1.0, columns).ToList();
            var total = weights.Sum();
            var widths = weights.Select(x => Width * x / total).ToArray();
            const double padding = 4;
            var lineHeight = font.GetHeight() * 1.3;

            double Height(IReadOnlyList<string> cells, XFont f) =>
                (cells.Select((c, i) => Wrap(c, f, widths[i] - (2 * padding), 0).Count).DefaultIfEmpty(1).Max() * lineHeight) + (2 * padding);

            void Row(IReadOnlyList<string> cells, XFont f, bool header)
            {
                var height = Height(cells, f);
                var x = Margin;
                for (var i = 0; i < columns; i++)
                {
                    var rect = new XRect(x, _y, widths[i], height);
                    if (header)
                        G.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), rect);
                    G.DrawRectangle(new XPen(XColors.Black, 0.6), rect);
                    var lineY = _y + padding;
                    foreach (var line in Wrap(i < cells.Count ? cells[i] : "", f, widths[i] - (2 * padding), 0))
                    {
                        G.DrawString(line, f, XBrushes.Black, x + padding, lineY, XStringFormats.TopLeft);
                        lineY += lineHeight;
                    }
                    x += widths[i];
                }
                _y += height;
            }

            _y += 4;
            EnsureSpace(Height(table.Header, bold) + (table.Rows.Count > 0 ? Height(table.Rows[0], font) : 0));
            Row(table.Header, bold, header: true);
            foreach (var cells in table.Rows)
            {
                if (_y + Height(cells, font) > Bottom)
                {
                    NewPage();
                    Row(table.Header, bold, header: true);
                }
                Row(cells, font, header: false);
            }
            _y += 10;
        }

        public void Signature(NoticeSignature signature, XFont font)
        {
            var lineHeight = font.GetHeight() * 1.8;
            var lines = new List<string> { signature.Issuer };
            if (!string.IsNullOrWhiteSpace(signature.Note))
                lines.Add(signature.Note);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{signature.Date.Year}年{signature.Date.Month}月{signature.Date.Day}日"));
            _y += 24;
            EnsureSpace(lineHeight * lines.Count);
            var blockWidth = Math.Min(Width * 0.6, lines.Max(l => G.MeasureString(l, font).Width));
            var left = Margin + Width - blockWidth - (2 * BodySize);
            foreach (var line in lines)
            {
                foreach (var part in Wrap(line, font, blockWidth, 0))
                {
                    var width = G.MeasureString(part, font).Width;
                    G.DrawString(part, font, XBrushes.Black, left + ((blockWidth - width) / 2), _y, XStringFormats.TopLeft);
                    _y += lineHeight;
                }
            }
        }

        /// <summary>Closes the last page and writes "第 n 页 共 m 页" at the foot of every page.</summary>
        public void Finish(XFont font)
        {
            _ = G;
            _graphics?.Dispose();
            _graphics = null;
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                var page = document.Pages[i];
                using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var text = string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 页 共 {count} 页");
                var width = g.MeasureString(text, font).Width;
                g.DrawString(text, font, XBrushes.Black, (page.Width.Point - width) / 2, page.Height.Point - (Margin / 2), XStringFormats.TopLeft);
            }
        }

        private void EnsureSpace(double height)
        {
            if (_graphics is null || _y + height > Bottom)
                NewPage();
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
            return _graphics;
        }

        /// <summary>
        /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/> (the first
        /// <paramref name="indent"/> narrower): between any two Chinese characters, at spaces in Latin text.
        /// </summary>
        private List<string> Wrap(string text, XFont font, double width, double indent)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = new StringBuilder();
                var lineWidth = 0.0;
                var available = lines.Count == 0 ? width - indent : width;
                var elements = StringInfo.GetTextElementEnumerator(paragraph);
                while (elements.MoveNext())
                {
                    var element = elements.GetTextElement();
                    var w = G.MeasureString(element, font).Width;
                    if (line.Length > 0 && lineWidth + w > available && !NoLineStart.Contains(element, StringComparison.Ordinal))
                    {
                        var carry = "";
                        if (IsWordCharacter(element))
                        {
                            var current = line.ToString();
                            var space = current.LastIndexOf(' ');
                            if (space > 0 && current[(space + 1)..].All(IsWordCharacter))
                            {
                                carry = current[(space + 1)..];
                                line.Length = space;
                            }
                        }
                        lines.Add(line.ToString().TrimEnd());
                        available = width;
                        line.Clear().Append(carry);
                        lineWidth = carry.Length == 0 ? 0 : G.MeasureString(carry, font).Width;
                        if (element == " ")
                            continue;
                    }
                    line.Append(element);
                    lineWidth += w;
                }
                lines.Add(line.ToString().TrimEnd());
            }
            return lines;
        }

        private static bool IsWordCharacter(string element) => element.Length == 1 && (char.IsAsciiLetterOrDigit(element[0]) || element[0] is '-' or '.' or '_');

        private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_';
    }
}
