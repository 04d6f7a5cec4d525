using System.Text;
using LtcInsurance.Application.Attachments;
using LtcInsurance.Application.Attachments.DownloadAttachment;
using LtcInsurance.Application.Attachments.ListAttachments;
using LtcInsurance.Application.Attachments.UploadAttachment;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Attachments;

/// <summary>
/// Attachments through their use cases on PostgreSQL: stored as uploaded, typed by content, limited in size, refused
/// when the content is not PDF/JPEG/PNG or the name says otherwise, walled off per city, never changed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AttachmentTests(PostgresFixture db)
{
    private const string Tenant = TenantIds.Shishi;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% 病历扫描件\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static readonly byte[] Png =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private UseCaseHost Clerk(string tenant = Tenant) => UseCaseHost.For(db.AppConnectionString, tenant, Roles.Clerk);

    [Fact]
    public async Task A_file_is_kept_as_uploaded_with_its_detected_type_normalised_name_and_uploader()
    {
        await using var clerk = Clerk();
        var owner = Guid.NewGuid().ToString();

        var stored = await clerk.Send(new UploadAttachmentCommand("application", owner, "C:\\扫描\\身份证 正面.PDF", Pdf));
        await clerk.Send(new UploadAttachmentCommand("application", owner, "户口本", Png));

        Assert.Equal("身份证 正面.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(Pdf.Length, stored.SizeBytes);
        Assert.Equal("test." + Tenant, stored.UploadedBy);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), stored.Sha256);
        var listed = await clerk.Send(new ListAttachmentsQuery("application", owner));
        Assert.Equal(new[] { "身份证 正面.pdf", "户口本.png" }, listed.Select(a => a.FileName));
        Assert.Equal("image/png", listed[1].ContentType);

        var file = await clerk.Send(new DownloadAttachmentQuery(stored.Id));
        Assert.NotNull(file);
        Assert.Equal(Pdf, file.Content);
        Assert.Equal("application/pdf", file.ContentType);

        // another city sees nothing of it
        await using var other = Clerk(TenantIds.Yulin);
        Assert.Null(await other.Send(new DownloadAttachmentQuery(stored.Id)));
        Assert.Empty(await other.Send(new ListAttachmentsQuery("application", owner)));
    }

    [Fact]
    public async Task The_size_limit_holds_and_an_empty_file_is_refused()
    {
        await using var clerk = Clerk();
        var owner = Guid.NewGuid().ToString();
        var atLimit = new byte[AttachmentLimits.MaxBytes];
        Pdf.CopyTo(atLimit, 0);
        var over = new byte[AttachmentLimits.MaxBytes + 1];
        Pdf.CopyTo(over, 0);

        Assert.Equal(AttachmentLimits.MaxBytes, (await clerk.Send(new UploadAttachmentCommand("application", owner, "大文件.pdf", atLimit))).SizeBytes);
        var tooLarge = await Assert.ThrowsAsync<RequestValidationException>(() =>
            clerk.Send(new UploadAttachmentCommand("application", owner, "太大.pdf", over)));
        Assert.Contains("最大 10 MB", tooLarge.Message, StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<RequestValidationException>(() =>
            clerk.Send(new UploadAttachmentCommand("application", owner, "空.pdf", [])));
        Assert.Contains("空的", empty.Message, StringComparison.Ordinal);
        Assert.Single(await clerk.Send(new ListAttachmentsQuery("application", owner)));
    }

    [Theory]
    [InlineData("身份证.pdf", "PK\u0003\u0004[Content_Types].xml", "不是 PDF、JPEG 或 PNG")] // a zip/docx named .pdf
    [InlineData("照片.jpg", "<svg onload=alert(1)>", "不是 PDF、JPEG 或 PNG")]
    [InlineData("照片.png", "%PDF-1.7 real pdf", "PDF")] // a PDF named .png
    [InlineData("setup.exe", "%PDF-1.7 real pdf", ".exe")]
    public async Task Content_that_is_not_allowed_or_contradicts_the_name_is_refused_and_nothing_is_stored(string name, string content, string says)
    {
        await using var clerk = Clerk();
        var owner = Guid.NewGuid().ToString();

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            clerk.Send(new UploadAttachmentCommand("application", owner, name, Encoding.Latin1.GetBytes(content))));

        Assert.Contains(says, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await clerk.Send(new ListAttachmentsQuery("application", owner)));
    }

    [Fact]
    public async Task Owner_references_are_checked_and_an_auditor_may_read_but_not_upload()
    {
        await using var clerk = Clerk();
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            clerk.Send(new UploadAttachmentCommand("Application'; DROP", "../x", "a.pdf", Pdf)));
        Assert.Equal(2, invalid.Problems.Count);
        await Assert.ThrowsAsync<RequestValidationException>(() =>
            clerk.Send(new UploadAttachmentCommand("application\n", "1", "a.pdf", Pdf)));

        await using var auditor = UseCaseHost.For(db.AppConnectionString, Tenant, Roles.Auditor);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            auditor.Send(new UploadAttachmentCommand("application", "1", "a.pdf", Pdf)));
        Assert.Empty(await auditor.Send(new ListAttachmentsQuery("application", "no-such-owner")));
    }

    [Fact]
    public async Task A_stored_file_cannot_be_changed_or_deleted_even_by_the_owner_role()
    {
        await using var clerk = Clerk();
        var stored = await clerk.Send(new UploadAttachmentCommand("application", Guid.NewGuid().ToString(), "a.pdf", Pdf));

        await using var owner = db.OwnerContext();
        await Assert.ThrowsAsync<PostgresException>(() =>
            owner.Database.ExecuteSqlAsync($"UPDATE attachments SET file_name = 'b.pdf' WHERE id = {stored.Id}"));
        await Assert.ThrowsAsync<PostgresException>(() =>
            owner.Database.ExecuteSqlAsync($"DELETE FROM attachments WHERE id = {stored.Id}"));
    }
}
