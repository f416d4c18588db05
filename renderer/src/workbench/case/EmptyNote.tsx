import { Typography } from '@mui/material';

/** A quiet line for an empty tab. */
export function EmptyNote({ text }: { text: string }) {
  return (
    <Typography variant="body2" color="textSecondary" sx={{ px: 2, py: 3, textAlign: 'center' }}>
      {text}
    </Typography>
  );
}
