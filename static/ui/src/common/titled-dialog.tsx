import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  width?: 'small' | 'medium' | 'large' | 'x-large';
  onClose: () => void;
  /** The buttons at the bottom; dialogs whose form has its own buttons have none. */
  footer?: ReactNode;
  children: ReactNode;
}

/** The app's dialogs: an atlaskit modal named by its title, with a close button in the header. */
export function TitledDialog({ title, width = 'medium', onClose, footer, children }: Props) {
  return (
    <ModalDialog onClose={onClose} width={width} label={title}>
      <ModalHeader hasCloseButton>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>{children}</ModalBody>
      {footer !== undefined && <ModalFooter>{footer}</ModalFooter>}
    </ModalDialog>
  );
}
