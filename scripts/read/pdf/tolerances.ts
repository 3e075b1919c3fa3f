/**
 * Every tolerance of the PDF reader in one place, named and explained. Why: the reader's heuristics
 * (when is a gap a cell boundary, when are two lines one row, when does a rule bound a column) were
 * numeric literals scattered over several files; here they can be read, compared and tuned together.
 *
 * Units, said in each comment: "sizes" are multiples of the line's font size (a line height); "pt"
 * are PDF points (visual units); "lines" and "units" are text lines / character cells of
 * `pdftotext -layout` text (monospace); "share" is a fraction of something named. Counts are counts.
 * Changing a value changes what is read: check the byte-identical dump of the sample PDFs.
 */
export const TOLERANCES = {
  /** Glyphs as pdfjs gives them (index.ts). */
  glyphs: {
    /** A glyph run whose text direction leans more than this (|sin| over |cos|) is set rotated (share). */
    rotatedSlope: 0.5,
    /** A page with at least this many letters/characters (no digits, punctuation) has a text layer (count). */
    minPageCharacters: 4,
    /** A multi-page document whose non-furniture text is shorter than this is a scan (characters). */
    minDocumentCharacters: 20,
    /** Baselines within one bucket of this height count as one line when probing for a table (pt). */
    tableProbeBucket: 2,
  },

  /** Fragments → visual lines and runs (geometry.ts). */
  lines: {
    /** A gap of at least this many sizes between fragments separates runs (cells) in a PDF (sizes). */
    pdfHardGap: 0.9,
    /** The same for `pdftotext -layout` text: 2+ spaces apart already, a wider gap is a cell boundary (units). */
    layoutTextHardGap: 1.5,
    /** Fragments whose baselines differ by at most this share of the larger size are one line (sizes). */
    sameBaseline: 0.45,
    /** A gap wider than this inside a run is written as a space (sizes). */
    visibleSpace: 0.2,
    /** Estimated advance of a CJK / full-width character (sizes). */
    wideCharAdvance: 1,
    /** Estimated advance of any other character, and of a space between soft-split pieces (sizes). */
    narrowCharAdvance: 0.5,
  },

  /** Drawing operators → ruling lines (rules.ts). */
  rules: {
    /** A stroke's ends differing by at most this across its direction make it horizontal/vertical (pt). */
    axisSlack: 0.5,
    /** Longest side of a filled rectangle still read as a line's thickness (pt). */
    maxThickness: 2.5,
    /** Shortest segment kept as a rule (pt). */
    minLength: 4,
    /** Rule pieces this close across their direction lie on one line (pt). */
    collinearSlack: 1,
    /** Collinear rule pieces with a gap up to this are one rule (pt). */
    joinGap: 2,
  },

  /** Pages → source lines: running headers, footers, page numbers (pages.ts). */
  pages: {
    /** Furniture sits in the top and bottom share of the page (share of page height). */
    marginZone: 0.15,
    /** Furniture is among the first or last lines of the page (count). */
    edgeLines: 2,
    /** Furniture has at most this many runs (count). */
    furnitureMaxRuns: 2,
    /** A running header repeats on at least this many pages … (count) */
    minRepeatPages: 3,
    /** … and on at least this share of the pages (share). */
    minRepeatShare: 0.3,
    /** A repeated title at least this much larger than the body text is the first page's own title (ratio). */
    ownTitleSize: 1.15,
    /** Title/unit/header lines looked at above a table that continues on the next page (count). */
    maxCarriedContext: 12,
  },

  /** Where on a page a table region starts and ends (tables/page.ts, tables/ruled-region.ts). */
  region: {
    /** The vertical middle of a text line lies this far above its baseline (sizes). */
    lineMiddle: 0.35,
    /** Two multi-run lines at most this far apart stay in one region (sizes). */
    rowsApart: 5,
    /** A multi-run line and a single-run line at most this far apart stay in one region (sizes). */
    rowAndTextApart: 3.2,
    /** Layout text: lines of 3+ cells may have this many lines between them, others … (lines) */
    monoRowsApart: 2,
    /** … this many (lines). */
    monoTextApart: 1,
    /** Minimum runs of two layout-text lines allowed the wider gap above (count). */
    monoRowMinRuns: 3,
    /** A vertical gap wider than this between text lines is a paragraph break, written as a blank line (sizes). */
    paragraphGap: 2.2,
    /** The same for layout text (lines). */
    monoParagraphGap: 1.5,
    /** A line up to this far above a row with an amount is the upper part of its wrapped cell (sizes). */
    wrapAbove: 1.5,
    /** A line of a table is at most this much larger than the table's lines (ratio). */
    maxSizeRatio: 1.25,
    /** Single-run lines bridged between two rows of one region (count). */
    maxBridgedLines: 6,
    /** A bridged line starting within this of the region's left edge is inside the table (sizes). */
    bridgeIndent: 3,
    /** A bridged single-run line further right than that is inside the table when this close below the previous line (sizes). */
    bridgeLineGap: 2.2,
    /** Single-run lines below a region's last row tried as its wrapped tail (count). */
    maxTailLines: 2,
    /** … each at most this far below the line above it (sizes) … */
    wrapBelow: 1.5,
    /** … and starting at most this far left of the region (sizes). */
    tailIndent: 1,
    /** Lines at the top of a page tried as the tail of a row broken by the page (count). */
    maxLeadLines: 2,
    /** A unit line ("单位：万元") has at most this many runs (count). */
    unitLineMaxRuns: 3,
    /** Lines of one ruled cell follow each other at most this far apart (sizes). */
    cellLinesApart: 2.5,
    /** A horizontal rule spans a row when it covers this share of the row's width (share). */
    ruleAcrossRow: 0.6,
    /** A line is inside a row's extent when it stays within this left … (sizes) */
    cellLeftSlack: 1,
    /** … and this right of it (sizes). */
    cellRightSlack: 2,
    /** The rule closing a ruled cell's band lies at most this far below the line (sizes). */
    bandCloseReach: 30,
    /** Vertical rules crossing a line for it to be a table row, not a page frame (count). */
    minCrossingRules: 3,
    /** A ruled frame is at least this wide (sizes). */
    minFrameWidth: 4,
    /** Text and rule positions compared with this slack (pt). */
    ruleSlack: 1,
  },

  /** Columns from text geometry, when no rules bound them (tables/unruled.ts). */
  columns: {
    /** Piece extents overlapping or closer than this merge into one column (sizes). */
    mergeGap: 0.15,
    /** A header piece this far outside the body's extent is a column of its own (sizes). */
    headerOutside: 1,
    /** A 栏次 row needs at least this many column numbers to be the columns' skeleton (count). */
    minColumnNumbers: 3,
    /** A continued column overlaps one of the previous page's by at least this share of the narrower (share). */
    carryOverlap: 0.5,
    /** … and reaches into no other previous column by more than this share of it (share). */
    carryNeighbourOverlap: 0.3,
  },

  /** Columns and rows from ruling lines (tables/ruled.ts). */
  grid: {
    /** Rules are looked for this far above the region's first and below its last line (sizes). */
    searchMargin: 1.5,
    /** Vertical rules at most this far apart are one column boundary in the count (pt). */
    columnRuleCluster: 1.5,
    /** A column boundary crosses at least this share of the body lines (share). */
    columnRuleCoverage: 0.6,
    /** Boundaries closer than this are one (a double rule) (sizes). */
    doubleRuleGap: 0.6,
    /** Column boundaries needed for ruled columns (count). */
    minColumnRules: 3,
    /** A piece lies inside a column when this share of its width does (share). */
    pieceInsideColumn: 0.8,
    /** Ruled columns are dropped when more than this share of the pieces straddle a rule (share). */
    maxStraddling: 0.1,
    /** A horizontal rule separates rows when it spans this share of the table's width (share). */
    rowRuleSpan: 0.6,
    /** Horizontal rule positions are rounded to 1/this of a point (per pt). */
    rowRuleResolution: 2,
    /** An amount of at least this many characters is whole, not the wrapped tail of one (characters). */
    minWholeAmount: 3,
    /** Ruled rows are used when amounts fall in at least this share of bands per whole-amount line (share). */
    minBandShare: 0.5,
    /** A piece's ruled cell starts at a vertical rule at most this far right of the piece (pt). */
    cellLeftSlack: 1,
    /** A ruled spanning cell's first column starts at most this far left of the cell's rule (pt). */
    spanStartSlack: 1.5,
  },

  /** Lines of a table region → rows of cells (tables/rows.ts, tables/cells.ts). */
  rows: {
    /** A piece belongs to the first column it overlaps by this share of the narrower extent (share). */
    columnOverlap: 0.3,
    /** Smallest extent used in overlap ratios, so an empty one does not divide by zero (pt). */
    minExtent: 1e-6,
    /** A header line continues one of the last this many header rows (count). */
    headerLookBack: 2,
    /** … when it is at most this far below it (sizes). */
    headerWrapGap: 1.7,
    /** Row pitch assumed when the table has fewer than two rows with amounts (sizes). */
    defaultPitch: 2,
    /** A line without amounts closer than this share of the row pitch to a row is its wrapped text (share). */
    wrapPitchShare: 0.8,
  },

  /** Cover titles set large and wrapping over lines (tables/page.ts). */
  titles: {
    /** A title line is at least this much larger than the body text (ratio). */
    minSize: 1.3,
    /** Lines of one title differ in size by at most this share (share of size). */
    sameSize: 0.1,
    /** Lines of one title are at most this far apart (sizes). */
    lineGap: 1.9,
  },
} as const;
