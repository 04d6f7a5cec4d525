using System.Text;
using LtcInsurance.Domain.Attachments;

namespace LtcInsurance.Domain.Tests.Attachments;

/// <summary>An attachment's type comes from its first bytes, and its name is made safe and must agree with the content.</summary>
public class AttachmentContentTests
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n");
    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 0xFF, 0xD9];
    internal static readonly byte[] Png =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    [Fact]
    public void Pdf_jpeg_and_png_are_told_by_their_magic_bytes()
    {
        Assert.Same(FileKind.Pdf, FileSniffer.Detect(Pdf));
        Assert.Same(FileKind.Jpeg, FileSniffer.Detect(Jpeg));
        Assert.Same(FileKind.Png, FileSniffer.Detect(Png));
    }

    [Theory]
    [InlineData("PK\u0003\u0004word/document.xml")] // a .docx (zip)
    [InlineData("MZ\u0090\u0000")] // a Windows executable
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("GIF89a")]
    [InlineData(" %PDF-1.7")] // not at the start
    [InlineData("%PD")]
    [InlineData("")]
    public void Anything_else_is_not_accepted(string content)
    {
        Assert.Null(FileSniffer.Detect(Encoding.Latin1.GetBytes(content)));
    }

    [Fact]
    public void A_png_signature_without_its_header_chunk_is_not_a_png()
    {
        var broken = Png.ToArray();
        broken[12] = (byte)'X';
        Assert.Null(FileSniffer.Detect(broken));
        Assert.Null(FileSniffer.Detect(Png.AsSpan(0, 8)));
    }

    [Theory]
    [InlineData("身份证.pdf", "身份证.pdf")]
    [InlineData("C:\\Users\\张三\\Desktop\\病历 第1页.PDF", "病历 第1页.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("a<b>c:d*e?f|g\"h.pdf", "a_b_c_d_e_f_g_h.pdf")]
    [InlineData("  病历\t\t\n 扫描件  .pdf", "病历 扫描件.pdf")]
    [InlineData("无扩展名", "无扩展名.pdf")]
    [InlineData("张三.身份证", "张三.身份证.pdf")]
    [InlineData("", "附件.pdf")]
    [InlineData(null, "附件.pdf")]
    [InlineData("....pdf", "pdf.pdf")]
    [InlineData(". .", "附件.pdf")]
    [InlineData("a\tb.pdf", "a b.pdf")]
    [InlineData("invoice\u202Efdp.exe", null)] // right-to-left override hiding .exe: the override is dropped, .exe refused
    public void Names_are_normalised(string? name, string? expected)
    {
        Assert.Equal(expected, AttachmentFileName.Normalize(name, FileKind.Pdf, out var error));
        Assert.Equal(expected is null, error is not null);
    }

    [Fact]
    public void Decomposed_characters_are_composed_and_control_characters_dropped()
    {
        var name = AttachmentFileName.Normalize("Cafe\u0301\u0000\u0007.png", FileKind.Png, out _);
        Assert.Equal("Café.png", name);
    }

    [Theory]
    [InlineData("scan.jpg", "PDF")]
    [InlineData("scan.png", "PDF")]
    [InlineData("病历.exe", ".exe")]
    [InlineData("病历.docx", ".docx")]
    public void A_name_that_says_another_type_than_the_content_is_refused(string name, string mentioned)
    {
        Assert.Null(AttachmentFileName.Normalize(name, FileKind.Pdf, out var error));
        Assert.Contains(mentioned, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jpeg_may_be_named_jpg_or_jpeg()
    {
        Assert.Equal("photo.jpeg", AttachmentFileName.Normalize("photo.JPEG", FileKind.Jpeg, out _));
        Assert.Equal("photo.jpg", AttachmentFileName.Normalize("photo.jpg", FileKind.Jpeg, out _));
        Assert.Equal("photo.jpg", AttachmentFileName.Normalize("photo", FileKind.Jpeg, out _));
    }

    [Fact]
    public void A_name_of_any_length_is_cut_to_the_limit_between_whole_characters_keeping_the_extension()
    {
        var longName = string.Concat(Enumerable.Repeat("长期护理😀", 500)) + ".pdf";

        var name = AttachmentFileName.Normalize(longName, FileKind.Pdf, out _)!;

        Assert.True(name.Length <= AttachmentFileName.MaxLength, name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
        Assert.StartsWith("长期护理😀", name, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(name[^5]), "a surrogate pair was split");
        Assert.Equal(name, name.Normalize(NormalizationForm.FormC));
    }
}
