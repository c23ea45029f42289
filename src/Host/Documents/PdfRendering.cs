using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AdviesRoute.Host.Documents;

/// <summary>
/// Lays an <see cref="OfficialDocument"/> out on A4 pages: the GR's name above every page, "Pagina n van m" below,
/// headings kept with what follows, paragraphs and table rows broken over pages where they must, a table's header
/// row repeated on every page it runs onto.
/// </summary>
internal sealed class PdfRendering
{
    private const double PageWidth = 595.28; // A4 in points
    private const double PageHeight = 841.89;
    private const double Margin = 56.7; // 2 cm
    private const double Top = 80;
    private const double Bottom = PageHeight - 70;
    private const double Width = PageWidth - (2 * Margin);
    private const double CellPadding = 4;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont Body = new(EmbeddedFonts.Family, 10.5, XFontStyleEx.Regular, Unicode);
    private static readonly XFont BodyBold = new(EmbeddedFonts.Family, 10.5, XFontStyleEx.Bold, Unicode);
    private static readonly XFont TitleFont = new(EmbeddedFonts.Family, 18, XFontStyleEx.Bold, Unicode);
    private static readonly XFont SubtitleFont = new(EmbeddedFonts.Family, 11.5, XFontStyleEx.Regular, Unicode);
    private static readonly XFont HeadingFont = new(EmbeddedFonts.Family, 13, XFontStyleEx.Bold, Unicode);
    private static readonly XFont Small = new(EmbeddedFonts.Family, 8.5, XFontStyleEx.Regular, Unicode);
    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(0x1A, 0x1A, 0x1A));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xEE));
    private static readonly XPen Rule = new(XColor.FromArgb(0x99, 0x99, 0x99), 0.5);

    private readonly PdfDocument pdf = new();
    private readonly string organisation;
    private XGraphics? graphics;
    private double y;

    private PdfRendering(string organisation) => this.organisation = organisation;

    public static byte[] Render(OfficialDocument document, string organisation)
    {
        EmbeddedFonts.Install();
        var rendering = new PdfRendering(organisation);
        return rendering.Write(document);
    }

    private XGraphics Page => graphics ?? throw new InvalidOperationException("Er is nog geen pagina.");

    private byte[] Write(OfficialDocument document)
    {
        pdf.Info.Title = document.Subtitle is null ? document.Title : $"{document.Title} – {document.Subtitle}";
        pdf.Info.Author = organisation;
        pdf.Info.Creator = "AdviesRoute";
        // PDFsharp 6.2 writes its Flate streams without the Adler-32 checksum zlib requires (strict readers such as Ghostscript warn);
        // uncompressed, every reader reads them as written. The documents are text with a font subset: tens of kilobytes.
        pdf.Options.NoCompression = true;
        pdf.Options.CompressContentStreams = false;
        pdf.Language = "nl-NL";
        NewPage();
        Lines(document.Title, TitleFont, Margin, Width, Ink, 24);
        if (document.Subtitle is { } subtitle)
        {
            y += 2;
            Lines(subtitle, SubtitleFont, Margin, Width, Ink, 16);
        }

        if (document.Reference is { } reference)
        {
            y += 2;
            Lines("Kenmerk: " + reference, Body, Margin, Width, Muted, 14);
        }

        y += 10;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocumentHeading heading:
                    // A heading never stands alone at the foot of a page.
                    NeedRoom(18 + 20 + 14);
                    y += 14;
                    Lines(heading.Text, HeadingFont, Margin, Width, Ink, 17);
                    y += 3;
                    break;
                case DocumentParagraph paragraph:
                    Lines(paragraph.Text, Body, Margin, Width, Ink, 14);
                    y += 7;
                    break;
                case DocumentList list:
                    ListItems(list);
                    y += 5;
                    break;
                case DocumentTable table:
                    Table(table);
                    y += 10;
                    break;
                case DocumentSignatures signatures:
                    Signatures(signatures);
                    break;
                default:
                    throw new ArgumentException($"Onbekend documentonderdeel {block.GetType().Name}.", nameof(document));
            }
        }

        graphics?.Dispose();
        graphics = null;
        Footers();
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = pdf.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        graphics = XGraphics.FromPdfPage(page);
        graphics.DrawString(organisation, Small, Muted, new XRect(Margin, 34, Width, 12), XStringFormats.TopLeft);
        graphics.DrawLine(Rule, Margin, 50, PageWidth - Margin, 50);
        y = Top;
    }

    /// <summary>"Pagina n van m" on every page, once the number of pages is known.</summary>
    private void Footers()
    {
        var count = pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var page = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            page.DrawLine(Rule, Margin, PageHeight - 52, PageWidth - Margin, PageHeight - 52);
            page.DrawString(string.Create(CultureInfo.InvariantCulture, $"Pagina {i + 1} van {count}"), Small, Muted,
                new XRect(Margin, PageHeight - 46, Width, 12), XStringFormats.TopRight);
        }
    }

    private void NeedRoom(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Text wrapped to <paramref name="width"/>, each line moved to a new page when it does not fit.</summary>
    private void Lines(string text, XFont font, double x, double width, XBrush brush, double lineHeight)
    {
        foreach (var line in Wrap(text, font, width))
        {
            NeedRoom(lineHeight);
            Page.DrawString(line, font, brush, new XRect(x, y, width, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    private void ListItems(DocumentList list)
    {
        const double indent = 20;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var lines = Wrap(list.Items[i], Body, Width - indent);
            NeedRoom(14);
            Page.DrawString(list.Numbered ? string.Create(CultureInfo.InvariantCulture, $"{i + 1}.") : "•", Body, Ink,
                new XRect(Margin, y, indent, 14), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                NeedRoom(14);
                Page.DrawString(line, Body, Ink, new XRect(Margin + indent, y, Width - indent, 14), XStringFormats.TopLeft);
                y += 14;
            }

            y += 2;
        }
    }

    private void Table(DocumentTable table)
    {
        var widths = ColumnWidths(table);
        var header = table.Columns.Select((c, i) => Wrap(c, BodyBold, widths[i] - (2 * CellPadding))).ToList();
        var headerHeight = (header.Max(h => h.Count) * 13) + (2 * CellPadding);
        void DrawHeader()
        {
            Page.DrawRectangle(HeaderFill, Margin, y, Width, headerHeight);
            Row(header, BodyBold, widths, headerHeight);
        }

        NeedRoom(headerHeight + 30);
        DrawHeader();
        foreach (var row in table.Rows)
        {
            var cells = row.Select((c, i) => Wrap(c, Body, widths[i] - (2 * CellPadding))).ToList();
            var height = (cells.Max(c => Math.Max(1, c.Count)) * 13) + (2 * CellPadding);
            if (y + height > Bottom)
            {
                if (height > Bottom - Top - headerHeight)
                {
                    // A row taller than a page: split its lines over pages, the header above each part.
                    SplitRow(cells, widths, headerHeight, DrawHeader);
                    continue;
                }

                NewPage();
                DrawHeader();
            }

            Row(cells, Body, widths, height);
        }
    }

    private void SplitRow(List<List<string>> cells, double[] widths, double headerHeight, Action drawHeader)
    {
        var offset = 0;
        var total = cells.Max(c => c.Count);
        while (offset < total)
        {
            if (y + 13 + (2 * CellPadding) > Bottom)
            {
                NewPage();
                drawHeader();
            }

            var fits = Math.Max(1, (int)((Bottom - y - (2 * CellPadding)) / 13));
            var part = cells.Select(c => c.Skip(offset).Take(fits).ToList()).ToList();
            Row(part, Body, widths, (part.Max(p => Math.Max(1, p.Count)) * 13) + (2 * CellPadding));
            offset += fits;
        }
    }

    private void Row(List<List<string>> cells, XFont font, double[] widths, double height)
    {
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var lineY = y + CellPadding;
            foreach (var line in cells[i])
            {
                Page.DrawString(line, font, Ink, new XRect(x + CellPadding, lineY, widths[i] - (2 * CellPadding), 13), XStringFormats.TopLeft);
                lineY += 13;
            }

            x += widths[i];
        }

        y += height;
        Page.DrawLine(Rule, Margin, y, Margin + Width, y);
    }

    /// <summary>Widths after the text each column holds, no column narrower than a short word.</summary>
    private double[] ColumnWidths(DocumentTable table)
    {
        var wanted = table.Columns.Select((c, i) => Math.Max(
            Page.MeasureString(c, BodyBold).Width,
            table.Rows.Select(r => Math.Min(Page.MeasureString(r[i], Body).Width, 260)).DefaultIfEmpty(0).Max()) + (2 * CellPadding)).ToArray();
        var minimum = Math.Min(32, Width / table.Columns.Count);
        var sum = wanted.Sum();
        var widths = wanted.Select(w => Math.Max(minimum, w * Width / sum)).ToArray();
        var scale = Width / widths.Sum();
        return widths.Select(w => w * scale).ToArray();
    }

    private void Signatures(DocumentSignatures signatures)
    {
        const double block = 110;
        NeedRoom(block);
        y += 24;
        var columns = Math.Max(1, signatures.Signers.Count);
        var width = Width / columns;
        var top = y;
        for (var i = 0; i < signatures.Signers.Count; i++)
        {
            var signer = signatures.Signers[i];
            var x = Margin + (i * width);
            Page.DrawString(signer.Role, BodyBold, Ink, new XRect(x, top, width - 16, 14), XStringFormats.TopLeft);
            Page.DrawLine(Rule, x, top + 62, x + width - 24, top + 62);
            Page.DrawString(signer.Name ?? "", Body, Ink, new XRect(x, top + 66, width - 16, 14), XStringFormats.TopLeft);
        }

        y = top + 90;
    }

    /// <summary>Breaks text into lines that fit; "\n" starts a new line, a word longer than a line is cut.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Page.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Page.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Page.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
