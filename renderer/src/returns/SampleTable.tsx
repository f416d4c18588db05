import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';

interface Props {
  headers: string[];
  rows: string[][];
  label: string;
  maxHeight?: number;
  /** the last row is a total (bold) */
  totalRow?: boolean;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Rows exactly as the file will hold them (numbers right-aligned); an empty cell shows as a dash. */
export function SampleTable({ headers, rows, label, maxHeight = 360, totalRow = false }: Props) {
  return (
    <TableContainer sx={{ maxHeight, borderTop: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Table stickyHeader size="small" aria-label={label} sx={{ '& td, & th': { px: 1.25, whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            {headers.map((h) => (
              <TableCell key={h} sx={{ fontWeight: 600, bgcolor: 'background.paper' }}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r} hover sx={totalRow && r === rows.length - 1 ? { '& td': { fontWeight: 600, bgcolor: 'action.hover' } } : undefined}>
              {row.map((cell, i) => (
                <TableCell key={i} sx={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', ...(NUMBER.test(cell) ? { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } : {}) }} title={cell.length > 30 ? cell : undefined}>
                  {cell === '' ? <span aria-hidden="true" style={{ opacity: 0.35 }}>—</span> : cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
